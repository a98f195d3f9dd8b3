#!/usr/bin/env bash
# One complaint from submission to closing, acting as each role, against a running Tenggat
# (npm start; demo officers from config/officers.json, password tenggat-demo). README shows this file.
set -euo pipefail
BASE=${BASE:-http://localhost:3000}
PASSWORD=${DEMO_PASSWORD:-tenggat-demo}
# field NAME: prints a field of the JSON on stdin (node is here already; no jq needed)
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(v)})' "$1"; }
login() { curl -sf -X POST "$BASE/v1/auth/login" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | field accessToken; }
post() { curl -sf -X POST "$BASE$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -H "Idempotency-Key: $(node -p 'crypto.randomUUID()')" -d "$3"; }

# 1. A citizen reports, anonymously: no account; the identity stays in PostgreSQL, hidden from the agency.
SUBMITTED=$(curl -sf -X POST "$BASE/v1/complaints" -H 'Content-Type: application/json' \
  -d '{"title":"KTP-el belum dicetak setelah 3 bulan","chronology":"Saya merekam data pada 2 Agustus; sampai kini belum dicetak.",
       "occurredAt":"2026-08-02T09:00:00+07:00","location":{"regency":"Kota Bandung"},"classification":"COMPLAINT",
       "channel":"WEB","anonymous":true,"confidential":false,"reporter":{"name":"Siti Rahmawati","phone":"+6281234567890"}}')
ID=$(echo "$SUBMITTED" | field trackingId); CODE=$(echo "$SUBMITTED" | field accessCode)
echo "citizen: complaint $ID, access code $CODE"

# 2. The citizen follows it with the tracking ID and the access code.
curl -sf "$BASE/v1/track/$ID" -H "X-Access-Code: $CODE" | field status

# 3. The national verifier sees the reporter (each view is audited) and disposes it to the agency.
VERIFIER=$(login verifikator)
curl -sf "$BASE/v1/complaints/$ID" -H "Authorization: Bearer $VERIFIER" | field reporter.name
post "$VERIFIER" "/v1/complaints/$ID/verify" '{"agencyId":"kemendagri","complexity":"NORMAL"}' | field state

# 4. The agency admin finds it in the work queue and assigns the liaison officer of the unit.
ADMIN=$(login admin.kemendagri)
curl -sf "$BASE/v1/complaints?status=DISPOSED" -H "Authorization: Bearer $ADMIN" | field items.length
curl -sf "$BASE/v1/complaints/$ID" -H "Authorization: Bearer $ADMIN" | field reporter   # null: anonymous to the agency
post "$ADMIN" "/v1/complaints/$ID/assign" '{"liaisonId":"usr-penghubung-dukcapil"}' | field state

# 5. The liaison follows up; the unit's supervisor extends the resolution deadline with a reason.
LIAISON=$(login penghubung.dukcapil)
post "$LIAISON" "/v1/complaints/$ID/follow-up" '{"text":"Blangko tersedia; pencetakan dijadwalkan."}' | field state
SUPERVISOR=$(login atasan.dukcapil)
post "$SUPERVISOR" "/v1/complaints/$ID/extend-deadline" '{"stage":"resolution","extra":{"workingDays":3},"reason":"Menunggu blangko dari pusat"}' | field deadlines.0.dueAt
curl -sf "$BASE/v1/escalations" -H "Authorization: Bearer $SUPERVISOR" | field items.length

# 6. The liaison gives the final answer; the citizen accepts and rates it: CLOSED.
post "$LIAISON" "/v1/complaints/$ID/resolve" '{"answer":"KTP-el sudah dicetak dan dapat diambil di Disdukcapil."}' | field state
curl -sf -X POST "$BASE/v1/track/$ID/accept" -H "X-Access-Code: $CODE" -H 'Content-Type: application/json' -d '{"rating":5,"comment":"Terima kasih"}' | field state

# 7. The auditor reads the whole history (Temporal events and the API audit log) and the SLA report.
AUDITOR=$(login auditor)
curl -sf "$BASE/v1/audit/complaints/$ID/history" -H "Authorization: Bearer $AUDITOR" | field temporalUiUrl
CSV=$(curl -sf "$BASE/v1/audit/complaints/$ID/history?format=csv" -H "Authorization: Bearer $AUDITOR"); echo "${CSV%%$'\n'*}"
REPORT=$(curl -sf "$BASE/v1/reports/sla?agency=kemendagri" -H "Authorization: Bearer $AUDITOR"); echo "${REPORT:0:300}"

# 8. The Ombudsman's inbox holds what reached level 3; the public sees non-confidential complaints, also as Open311.
OMBUDSMAN=$(login ombudsman)
curl -sf "$BASE/v1/escalations" -H "Authorization: Bearer $OMBUDSMAN" | field items.length
curl -sf "$BASE/v1/public/complaints?limit=1" | field items.0.status
XML=$(curl -sf "$BASE/open311/v2/requests/$ID.xml"); echo "${XML:0:200}"
echo "walk-through done: $ID"
