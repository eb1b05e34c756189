#!/usr/bin/env bash
# Regenerates folio-demo-TEST-ONLY.p12: a throw-away root CA → intermediate CA → signer chain for the
# example configuration. TEST ONLY — never use this key for real documents (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
PASSWORD="folio-demo-solo-pruebas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/openssl.cnf" <<CNF
[ ca ]
default_ca = folio
[ folio ]
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = anything
unique_subject = no
email_in_dn = no
[ anything ]
countryName = optional
organizationName = optional
serialNumber = optional
commonName = supplied
[ req ]
distinguished_name = dn
[ dn ]
[ root ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ intermediate ]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ signer ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
: > "$work/index.txt"
export OPENSSL_CONF="$work/openssl.cnf"
issue() { # name subject serial issuer extensions
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/$1.key"
  openssl req -new -utf8 -key "$work/$1.key" -subj "$2" -out "$work/$1.csr"
  echo "$3" > "$work/serial"
  if [ "$4" = self ]; then signer=(-selfsign -keyfile "$work/$1.key"); else signer=(-cert "$work/$4.pem" -keyfile "$work/$4.key"); fi
  openssl ca -batch -notext -utf8 -preserveDN -in "$work/$1.csr" -out "$work/$1.pem" -extensions "$5" \
    -startdate 20200101000000Z -enddate 20391231235959Z "${signer[@]}" 2>/dev/null
}
issue root "/C=CO/O=Folio Demo TEST ONLY/CN=Folio Demo Root CA TEST ONLY" 1000 self root
issue intermediate "/C=CO/O=Folio Demo TEST ONLY/CN=Folio Demo Intermediate CA TEST ONLY" 2000 root intermediate
issue signer "/C=CO/O=Folio Demo S.A.S./serialNumber=900108281/CN=Folio Demo S.A.S. TEST ONLY" 5A0001 intermediate signer
cat "$work/intermediate.pem" "$work/root.pem" > "$work/issuers.pem"
openssl pkcs12 -export -inkey "$work/signer.key" -in "$work/signer.pem" -certfile "$work/issuers.pem" \
  -name "Folio Demo TEST ONLY" -passout "pass:$PASSWORD" -out folio-demo-TEST-ONLY.p12
cp "$work/root.pem" folio-demo-root-TEST-ONLY.pem
echo "wrote folio-demo-TEST-ONLY.p12 and folio-demo-root-TEST-ONLY.pem"
