public import Foundation

/// A throw-away certificate hierarchy for signing tests — root CA → intermediate CA → signer — made with
/// the `openssl` CLI in a temporary directory, never by the code under test.
///
/// Every certificate is valid from 2020-01-01 to 2039-12-31 (UTC), so tests may sign with fixed dates.
/// Serial numbers are fixed (hex in parentheses): root 4096 (`1000`), intermediate 8192 (`2000`),
/// signer 375066797833109987262465 (`4F6C696F2026CAFE0001`).
public struct TestCertificates: Sendable {
    /// The directory holding every file below.
    public let directory: URL
    /// The root CA certificate (PEM) — the trust anchor to pass to verifiers.
    public let rootPEM: URL
    /// The intermediate CA certificate (PEM).
    public let intermediatePEM: URL
    /// The signer certificate (PEM).
    public let signerPEM: URL
    /// The signer's unencrypted private key (PEM).
    public let signerKeyPEM: URL
    /// Signer, intermediate and root certificates in one PEM file, in that order.
    public let chainPEM: URL
    /// Key + signer certificate + intermediate + root in a PKCS#12 file (OpenSSL 3 defaults: AES-256, PBKDF2).
    public let pkcs12: URL
    /// The same identity in a PKCS#12 file with the legacy algorithms older CAs still issue (RC2-40, 3DES).
    public let legacyPKCS12: URL
    /// The password of both PKCS#12 files.
    public let pkcs12Password: String

    public static let signerSerialDecimal = "375066797833109987262465"
    public static let intermediateSerialDecimal = "8192"
    public static let rootSerialDecimal = "4096"
    /// The signer's subject as given to OpenSSL (with accents and ñ).
    public static let signerSubject =
        "/C=CO/L=Bogotá D.C./O=Óptica Folio Pruebas S.A.S./serialNumber=900373115/CN=Firma Pruebas Ñandú"
    public static let intermediateSubject = "/C=CO/O=Folio Pruebas CA/CN=Folio Test Intermediate CA"
    public static let rootSubject = "/C=CO/O=Folio Pruebas CA/CN=Folio Test Root CA"

    /// Generates a new hierarchy in a new temporary directory (about a second: three RSA-2048 keys).
    /// - Parameter password: The PKCS#12 password.
    /// - Throws: ``TestSupportError`` when `openssl` is missing or a step fails (with its stderr).
    public static func generate(password: String = "Clave de prueba ñ 2026") throws -> TestCertificates {
        let directory = try makeTemporaryDirectory(prefix: "folio-certs")
        let openssl = try requireTool("openssl")
        func file(_ name: String) -> String { directory.appending(path: name).path }
        let config = """
            [ ca ]
            default_ca = folio
            [ folio ]
            database = \(file("index.txt"))
            new_certs_dir = \(directory.path)
            serial = \(file("serial"))
            default_md = sha256
            policy = anything
            unique_subject = no
            email_in_dn = no
            [ anything ]
            countryName = optional
            localityName = optional
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
            """
        try Data(config.utf8).write(to: directory.appending(path: "openssl.cnf"))
        try Data().write(to: directory.appending(path: "index.txt"))

        func run(_ arguments: [String]) throws {
            let result = try TestProcess.run(openssl, arguments, environment: ["OPENSSL_CONF": file("openssl.cnf")])
            guard result.status == 0 else {
                throw TestSupportError(
                    .commandFailed, "openssl \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
            }
        }
        func issue(_ name: String, subject: String, serialHex: String, issuer: String?, extensions: String) throws {
            try run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file("\(name).key")])
            try run([
                "req", "-new", "-utf8", "-config", file("openssl.cnf"), "-key", file("\(name).key"), "-subj", subject,
                "-out", file("\(name).csr"),
            ])
            try Data((serialHex + "\n").utf8).write(to: directory.appending(path: "serial"))
            var arguments = [
                "ca", "-batch", "-notext", "-utf8", "-preserveDN", "-config", file("openssl.cnf"), "-in", file("\(name).csr"),
                "-out", file("\(name).pem"), "-extensions", extensions, "-startdate", "20200101000000Z", "-enddate",
                "20391231235959Z",
            ]
            if let issuer {
                arguments += ["-cert", file("\(issuer).pem"), "-keyfile", file("\(issuer).key")]
            } else {
                arguments += ["-selfsign", "-keyfile", file("\(name).key")]
            }
            try run(arguments)
        }
        try issue("root", subject: rootSubject, serialHex: "1000", issuer: nil, extensions: "root")
        try issue("intermediate", subject: intermediateSubject, serialHex: "2000", issuer: "root", extensions: "intermediate")
        try issue(
            "signer", subject: signerSubject, serialHex: "4F6C696F2026CAFE0001", issuer: "intermediate", extensions: "signer")

        let chain = try ["signer", "intermediate", "root"].map { try Data(contentsOf: directory.appending(path: "\($0).pem")) }
        try chain.reduce(Data(), +).write(to: directory.appending(path: "chain.pem"))
        try chain.dropFirst().reduce(Data(), +).write(to: directory.appending(path: "issuers.pem"))
        let export = [
            "pkcs12", "-export", "-inkey", file("signer.key"), "-in", file("signer.pem"), "-certfile", file("issuers.pem"),
            "-name", "Firma Pruebas", "-passout", "pass:\(password)",
        ]
        try run(export + ["-out", file("signer.p12")])
        try run(export + ["-legacy", "-out", file("signer-legacy.p12")])

        return TestCertificates(
            directory: directory, rootPEM: directory.appending(path: "root.pem"),
            intermediatePEM: directory.appending(path: "intermediate.pem"), signerPEM: directory.appending(path: "signer.pem"),
            signerKeyPEM: directory.appending(path: "signer.key"), chainPEM: directory.appending(path: "chain.pem"),
            pkcs12: directory.appending(path: "signer.p12"), legacyPKCS12: directory.appending(path: "signer-legacy.p12"),
            pkcs12Password: password)
    }

    /// The root certificate's PEM text, for `trustedRootsPEM:` parameters.
    public func rootPEMText() throws -> String { try String(contentsOf: rootPEM, encoding: .utf8) }
}
