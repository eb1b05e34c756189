#!/usr/bin/env bash
# Folio's main job, end to end, on one machine:
#   a private cupsd (temp dir) whose queue "bodega-1" is a real IPP printer (ippeveprinter, keeps what it prints),
#   Folio's DIAN simulator (`folio dian-sim`, DIAN's SOAP contract on loopback),
#   `folio serve` on loopback with the example habilitación company (signing with the TEST-ONLY example
#   certificate), every ERP document in Examples/documents submitted through the HTTP API (plus a credit note,
#   a repeated one, a bad one and a reprint); each is signed, transmitted, validated by the simulator, archived
#   and printed; then where everything is.
# Outputs land in ./demo-output (issued XML and PDF, the files the printer received, the server log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

bash scripts/setup-debian.sh
echo "== building folio and its render worker (folio-render)"
swift build 2>&1 | grep -E "error|warning: unre|Compiling folio|Build complete" || true
FOLIO="$ROOT/.build/debug/folio"
[ -x "$ROOT/.build/debug/folio-render" ] || { echo "demo: the render worker folio-render was not built" >&2; exit 1; }
[ -x "$FOLIO" ] || { echo "demo: the build failed" >&2; exit 1; }

OUT="$ROOT/demo-output"
rm -rf "$OUT"; mkdir -p "$OUT/issued" "$OUT/printed"
WORK=$(mktemp -d /tmp/folio-demo.XXXXXX)
chmod 0755 "$WORK"   # cupsd runs its backends as user lp, which must reach the spool inside
SERVER_PID=""
DIAN_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$DIAN_PID" ] && kill "$DIAN_PID" 2>/dev/null && wait "$DIAN_PID" 2>/dev/null || true
  scripts/private-cups.sh stop "$WORK/cups" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== starting a private CUPS server with an IPP printer (in $WORK/cups)"
scripts/private-cups.sh start "$WORK/cups" bodega-1 > "$WORK/cups.env"
CUPS_SERVER=$(sed -n 's/^CUPS_SERVER=//p' "$WORK/cups.env")
SPOOL=$(sed -n 's/^PRINTER bodega-1 .* spool=//p' "$WORK/cups.env")
export CUPS_SERVER
echo "   CUPS_SERVER=$CUPS_SERVER, printer bodega-1 keeps its jobs in $SPOOL"

wait_for_line() {  # LOG PID: waits until the process prints its "listening on" line
  for _ in $(seq 1 200); do
    grep -q "listening on" "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; exit 1; }
    sleep 0.05
  done
  echo "demo: no ready line in $1" >&2; exit 1
}

echo "== starting Folio's DIAN simulator (SOAP 1.2 + WS-Security, XSD, XAdES and CUFE checks)"
TECHNICAL_KEY=$(python3 -c 'import json; print(json.load(open("Examples/config.json"))["companies"][0]["resolution"]["technical_key"])')
"$FOLIO" dian-sim --port 0 --technical-key "$TECHNICAL_KEY" --software-pin 12345 > "$OUT/dian-sim.log" 2>&1 &
DIAN_PID=$!
wait_for_line "$OUT/dian-sim.log" "$DIAN_PID"
DIAN_URL=$(grep -o 'http://[^ ]*' "$OUT/dian-sim.log" | head -1)
DIAN_BASE=${DIAN_URL%/WcfDianCustomerServices.svc}
echo "   $DIAN_URL"
# The example configuration, pointed at the simulator (its relative paths made absolute).
python3 - "$ROOT/Examples/config.json" "$WORK/config.json" "$DIAN_URL" <<'PY'
import json, os, sys
source, target, url = sys.argv[1:]
base = os.path.dirname(source)
config = json.load(open(source))
for company in config["companies"]:
    company["branding"]["logo"] = os.path.normpath(os.path.join(base, company["branding"]["logo"]))
    company["signing"]["pkcs12"] = os.path.normpath(os.path.join(base, company["signing"]["pkcs12"]))
config["dian"] = {"endpoint": url, "timeout_seconds": 20}
json.dump(config, open(target, "w"), ensure_ascii=False, indent=2)
PY
echo "== DIAN will answer the first SendBillSync with HTTP 503 (Folio retries; nothing is lost)"
curl -s -X POST --data '{"operation": "SendBillSync", "fault": "http503", "times": 1}' "$DIAN_BASE/control" > /dev/null

echo "== starting folio serve"
"$FOLIO" serve --config "$WORK/config.json" --data "$OUT/data" --port 0 > "$OUT/serve.log" 2>&1 &
SERVER_PID=$!
wait_for_line "$OUT/serve.log" "$SERVER_PID"
BASE=$(grep -o 'http://[^ ]*' "$OUT/serve.log" | head -1)
echo "   $BASE (log: $OUT/serve.log)"

post() { curl -s -o "$2" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$1" "$BASE/v1/documents"; }
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get(sys.argv[2], ""))' "$1" "$2"; }

echo "== submitting the example ERP documents (each answer returns once signed, before DIAN and the printer)"
NUMBERS=()
for doc in Examples/documents/*.json; do
  name=$(basename "$doc" .json)
  start=$(date +%s%N)
  code=$(post "$doc" "$WORK/$name.answer.json")
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$code" = "201" ]; then
    number=$(field "$WORK/$name.answer.json" number)
    NUMBERS+=("$number")
    printf '   %-26s → %s %s %s  CUFE %.16s…  (%d ms)\n' "$name" "$code" "$number" "$(field "$WORK/$name.answer.json" status)" "$(field "$WORK/$name.answer.json" unique_code)" "$ms"
  else
    echo "   $name → HTTP $code: $(cat "$WORK/$name.answer.json")"; exit 1
  fi
done

state() { curl -s "$BASE/v1/documents/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])'; }
wait_delivered() {
  for number in "$@"; do
    for _ in $(seq 1 1200); do
      s=$(state "$number"); [ "$s" = "delivered" ] && break
      [ "$s" = "rejected" ] && { echo "   $number was rejected by DIAN:"; curl -s "$BASE/v1/documents/$number"; exit 1; }
      sleep 0.1
    done
    [ "$(state "$number")" = "delivered" ] || { echo "demo: $number is still $(state "$number")" >&2; exit 1; }
  done
}
echo "== waiting for DIAN's verdicts (transmit → validated → AttachedDocument → print)"
wait_delivered "${NUMBERS[@]}"
echo "   all ${#NUMBERS[@]} validated by the DIAN simulator, archived and queued for printing"

echo "== a credit note returning 2 items of ${NUMBERS[0]} (its CUDE, the invoice's CUFE as reference)"
python3 - "$BASE/v1/documents/${NUMBERS[0]}" "$WORK/credit-note.json" <<'PY'
import json, sys, urllib.request
invoice = json.load(urllib.request.urlopen(sys.argv[1]))
source = json.load(open("Examples/documents/01-three-lines.json"))
note = {"reference": "SAP-NC-" + invoice["number"], "company": source["company"], "type": "credit-note",
        "buyer": source["buyer"], "payment": {"method": "cash", "means_code": "10"},
        "billing_reference": {"number": invoice["number"], "cufe": invoice["unique_code"], "issue_date": invoice["issue_date"]},
        "concept": {"code": "1", "description": "Devolución de 2 resmas de papel"},
        "lines": [dict(source["lines"][0], quantity="2")]}
json.dump(note, open(sys.argv[2], "w"), ensure_ascii=False)
PY
code=$(post "$WORK/credit-note.json" "$WORK/credit-note.answer.json")
NOTE=$(field "$WORK/credit-note.answer.json" number)
[ "$code" = "201" ] || { echo "   credit note → HTTP $code: $(cat "$WORK/credit-note.answer.json")"; exit 1; }
wait_delivered "$NOTE"
echo "   credit note → HTTP $code $NOTE, CUDE $(field "$WORK/credit-note.answer.json" unique_code | cut -c1-16)…, validated"

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

echo "== fetching the signed XML, DIAN's answers, the AttachedDocuments and the PDFs"
for number in "${NUMBERS[@]}" "$NOTE"; do
  for part in xml application-response attached-document; do
    curl -s -o "$OUT/issued/$number.$part.xml" "$BASE/v1/documents/$number/$part"
  done
  mv "$OUT/issued/$number.xml.xml" "$OUT/issued/$number.xml"
  curl -s -o "$OUT/issued/$number.pdf" "$BASE/v1/documents/$number/pdf"
done
invoices=(); for number in "${NUMBERS[@]}"; do invoices+=("$OUT/issued/$number.xml"); done
if xmllint --noout --schema Schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd "${invoices[@]}" 2> "$WORK/xmllint.txt" \
  && xmllint --noout --schema Schemas/ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd "$OUT/issued/$NOTE.xml" 2>> "$WORK/xmllint.txt" \
  && xmllint --noout --schema Schemas/ubl-2.1/maindoc/UBL-AttachedDocument-2.1.xsd "$OUT"/issued/*.attached-document.xml 2>> "$WORK/xmllint.txt"; then
  echo "   xmllint: ${#NUMBERS[@]} invoices, the credit note and their AttachedDocuments validate against the UBL 2.1 schemas"
else
  sed 's/^/   xmllint: /' "$WORK/xmllint.txt"; exit 1
fi
verified=0
for file in "$OUT"/issued/*.xml; do
  xmlsec1 --verify --trusted-pem Examples/certificates/folio-demo-root-TEST-ONLY.pem \
    --id-attr:Id http://uri.etsi.org/01903/v1.3.2#:SignedProperties --id-attr:Id http://www.w3.org/2000/09/xmldsig#:KeyInfo \
    "$file" > /dev/null 2> "$WORK/xmlsec.txt" || { echo "   xmlsec1: $file does not verify"; cat "$WORK/xmlsec.txt"; exit 1; }
  verified=$((verified + 1))
done
echo "   xmlsec1: all $verified signatures verify (documents, DIAN's answers, AttachedDocuments; TEST-ONLY certificate)"

expected=$(( ${#NUMBERS[@]} + 2 ))
echo "== waiting for the printer to receive $expected documents"
for _ in $(seq 1 600); do
  count=$(find "$SPOOL" -name '*.pdf' 2>/dev/null | wc -l)
  [ "$count" -ge "$expected" ] && break
  sleep 0.1
done
cp "$SPOOL"/*.pdf "$OUT/printed/" 2>/dev/null || true
echo "   the printer received $(find "$OUT/printed" -name '*.pdf' | wc -l) files"
echo "== the PDFs were drawn by folio serve's render worker processes (render.workers in the configuration):"
ps --ppid "$SERVER_PID" -o pid=,rss=,comm= | awk '$3 == "folio-render" { printf "   pid %s, resident %.1f MB (debug build)\n", $1, $2 / 1024 }'

echo "== timeline of ${NUMBERS[0]}"
curl -s "$BASE/v1/documents/${NUMBERS[0]}" | python3 -c 'import json,sys; [print("   %s %-13s %s" % (e["at"], e["kind"], e["detail"])) for e in json.load(sys.stdin)["events"]]'

echo
echo "Done. Look at:"
echo "   signed XML, DIAN's answers, AttachedDocuments, PDFs: $OUT/issued/"
echo "   what the printer received: $OUT/printed/"
echo "   SQLite store:              $OUT/data/folio.sqlite"
echo "   server log:                $OUT/serve.log"
