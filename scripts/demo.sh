#!/usr/bin/env bash
# Folio's main job, end to end, on one machine:
#   a private cupsd (temp dir) whose queue "bodega-1" is a real IPP printer (ippeveprinter, keeps what it prints),
#   `folio serve` on loopback with the example habilitación company, every ERP document in Examples/documents
#   submitted through the HTTP API (plus a repeated one, a bad one and a reprint), then where everything is.
# Outputs land in ./demo-output (issued XML and PDF, the files the printer received, the server log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash scripts/setup-debian.sh
echo "== building folio"
swift build --product folio 2>&1 | grep -E "error|warning: unre|Compiling folio|Build complete" || true
FOLIO="$ROOT/.build/debug/folio"
[ -x "$FOLIO" ] || { echo "demo: the build failed" >&2; exit 1; }

OUT="$ROOT/demo-output"
rm -rf "$OUT"; mkdir -p "$OUT/issued" "$OUT/printed"
WORK=$(mktemp -d /tmp/folio-demo.XXXXXX)
chmod 0755 "$WORK"   # cupsd runs its backends as user lp, which must reach the spool inside
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/private-cups.sh stop "$WORK/cups" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== starting a private CUPS server with an IPP printer (in $WORK/cups)"
scripts/private-cups.sh start "$WORK/cups" bodega-1 > "$WORK/cups.env"
CUPS_SERVER=$(sed -n 's/^CUPS_SERVER=//p' "$WORK/cups.env")
SPOOL=$(sed -n 's/^PRINTER bodega-1 .* spool=//p' "$WORK/cups.env")
export CUPS_SERVER
echo "   CUPS_SERVER=$CUPS_SERVER, printer bodega-1 keeps its jobs in $SPOOL"

echo "== starting folio serve"
"$FOLIO" serve --config Examples/config.json --data "$OUT/data" --port 0 > "$OUT/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 200); do
  grep -q "listening on" "$OUT/serve.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/serve.log" >&2; exit 1; }
  sleep 0.05
done
BASE=$(grep -o 'http://[^ ]*' "$OUT/serve.log" | head -1)
echo "   $BASE (log: $OUT/serve.log)"

post() { curl -s -o "$2" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$1" "$BASE/v1/documents"; }
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get(sys.argv[2], ""))' "$1" "$2"; }

echo "== submitting the example ERP documents (each answer returns before anything is printed)"
NUMBERS=()
for doc in Examples/documents/*.json; do
  name=$(basename "$doc" .json)
  start=$(date +%s%N)
  code=$(post "$doc" "$WORK/$name.answer.json")
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$code" = "201" ]; then
    number=$(field "$WORK/$name.answer.json" number)
    NUMBERS+=("$number")
    printf '   %-26s → %s %s  CUFE %.16s…  (%d ms)\n' "$name" "$code" "$number" "$(field "$WORK/$name.answer.json" unique_code)" "$ms"
  else
    echo "   $name → HTTP $code: $(cat "$WORK/$name.answer.json")"; exit 1
  fi
done

echo "== the same ERP reference again (idempotent: the first result, no new number)"
code=$(post Examples/documents/01-three-lines.json "$WORK/again.json")
echo "   01-three-lines again → HTTP $code, number $(field "$WORK/again.json" number)"

echo "== a bad document (every problem named, nothing numbered)"
printf '{"reference": "BAD-1", "company": "folio-demo", "buyer": {"final_consumer": true},\n "lines": [{"description": "x", "quantity": "-1", "unit_price": "1,5", "taxes": [{"tax": "IVX", "rate": "19"}]}]}' > "$WORK/bad.json"
code=$(post "$WORK/bad.json" "$WORK/bad.answer.json")
echo "   HTTP $code"
python3 -c 'import json,sys; [print("   -", d["field"], "(line %s)" % d.get("line"), d["message"]) for d in json.load(open(sys.argv[1]))["error"]["details"]]' "$WORK/bad.answer.json"

echo "== reprint of ${NUMBERS[0]} (marked COPIA)"
curl -s -X POST -H 'X-Folio-User: demo' --data '{"printer": "bodega-1", "copies": 1}' "$BASE/v1/documents/${NUMBERS[0]}/reprint" > "$WORK/reprint.json"
echo "   $(cat "$WORK/reprint.json")"

echo "== fetching the issued XML and PDF"
for number in "${NUMBERS[@]}"; do
  curl -s -o "$OUT/issued/$number.xml" "$BASE/v1/documents/$number/xml"
  curl -s -o "$OUT/issued/$number.pdf" "$BASE/v1/documents/$number/pdf"
done
if xmllint --noout --schema Schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd "$OUT"/issued/*.xml 2> "$WORK/xmllint.txt"; then
  echo "   xmllint: all ${#NUMBERS[@]} XML documents validate against the UBL 2.1 Invoice schema"
else
  sed 's/^/   xmllint: /' "$WORK/xmllint.txt"; exit 1
fi

expected=$(( ${#NUMBERS[@]} + 1 ))
echo "== waiting for the printer to receive $expected documents"
for _ in $(seq 1 600); do
  count=$(find "$SPOOL" -name '*.pdf' 2>/dev/null | wc -l)
  [ "$count" -ge "$expected" ] && break
  sleep 0.1
done
cp "$SPOOL"/*.pdf "$OUT/printed/" 2>/dev/null || true
echo "   the printer received $(find "$OUT/printed" -name '*.pdf' | wc -l) files"

echo "== timeline of ${NUMBERS[0]}"
curl -s "$BASE/v1/documents/${NUMBERS[0]}" | python3 -c 'import json,sys; [print("   %s %-13s %s" % (e["at"], e["kind"], e["detail"])) for e in json.load(sys.stdin)["events"]]'

echo
echo "Done. Look at:"
echo "   issued XML and PDF:        $OUT/issued/"
echo "   what the printer received: $OUT/printed/"
echo "   SQLite store:              $OUT/data/folio.sqlite"
echo "   server log:                $OUT/serve.log"
