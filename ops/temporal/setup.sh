#!/bin/sh
# One-shot (compose's temporal-setup): waits for auto-setup's namespace, registers the search attributes
# Tenggat writes and sets 30 days of retention. Any failure fails the service, and with it the start of
# the API and the worker (they wait for it to complete successfully).
set -eu
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"

tries=0
until temporal operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 90 ] || { echo "namespace $NAMESPACE did not appear within 3 minutes" >&2; exit 1; }
  sleep 2
done

# Registration is refused for a few seconds after the namespace is created: retry, then give up loudly.
register() {
  name="$1" type="$2" tries=0
  until out=$(temporal operator search-attribute create --namespace "$NAMESPACE" --name "$name" --type "$type" 2>&1); do
    if temporal operator search-attribute list --namespace "$NAMESPACE" 2>/dev/null | grep -qw "$name"; then return 0; fi
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || { echo "search attribute $name ($type) could not be registered: $out" >&2; exit 1; }
    sleep 2
  done
}
register ComplaintStatus Keyword
register AgencyId Keyword
register NextDeadline Datetime
register EscalationLevel Int

temporal operator namespace update --namespace "$NAMESPACE" --retention 720h
echo "namespace $NAMESPACE ready: search attributes registered, retention 30 days"
