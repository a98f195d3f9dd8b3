import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Role } from './officer.js';

export class LoginDto {
  @ApiProperty({ example: 'verifikator' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'tenggat-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;
}

export class OfficerView {
  @ApiProperty({ example: 'usr-verifikator' }) id!: string;
  @ApiProperty({ example: 'Verifikator Nasional', description: 'The name the console shows for the officer' }) displayName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role', example: 'VERIFIER' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: null }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) unitId!: string | null;
}

export class LoginView {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ example: 28800, description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: OfficerView }) officer!: OfficerView;
}
