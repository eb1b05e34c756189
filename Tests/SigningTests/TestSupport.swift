import FolioTesting
import Foundation
import Signing
import Synchronization
import UBL

/// Paths inside the repository, found from this file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemas = root.appending(path: "Schemas/ubl-2.1")
    static func schema(_ name: String) -> String { schemas.appending(path: "maindoc/\(name)").path }
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appending(path: "Tests/SigningTests/Fixtures/\(name)")))
    }
}

/// One certificate hierarchy and identity for the whole run (three RSA keys take a moment).
enum Shared {
    private static let generated = Result { try TestCertificates.generate() }
    static func certificates() throws -> TestCertificates { try generated.get() }

    private static let loaded = Result {
        let certificates = try generated.get()
        return try SigningIdentity(pkcs12: certificates.pkcs12.path, password: certificates.pkcs12Password)
    }
    static func identity() throws -> SigningIdentity { try loaded.get() }

    private static let validator = Result { try UBLValidator(schemasDirectory: Repository.schemas.path) }
    static func ublValidator() throws -> UBLValidator { try validator.get() }
}

/// 2024-03-15 10:40:00.250 in Bogotá (15:40:00.250 UTC), the sample invoice's issue date.
let signingTime = Date(timeIntervalSince1970: 1_710_517_200.25)

/// Writes `bytes` into a new temporary directory and returns the file's path.
func writeTemporary(_ bytes: [UInt8], name: String) throws -> String {
    let url = try makeTemporaryDirectory(prefix: "folio-signing").appending(path: name)
    try Data(bytes).write(to: url)
    return url.path
}

/// `xmlsec1 --verify` — the independent verifier — with the test root as the only trust anchor.
func xmlsecVerify(_ bytes: [UInt8], name: String = "signed.xml") throws -> TestProcess.Output {
    let certificates = try Shared.certificates()
    let path = try writeTemporary(bytes, name: name)
    return try TestProcess.run(
        "xmlsec1",
        [
            "--verify", "--trusted-pem", certificates.rootPEM.path, "--untrusted-pem", certificates.intermediatePEM.path,
            "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
            "--id-attr:Id", "http://www.w3.org/2000/09/xmldsig#:KeyInfo",
            "--enabled-reference-uris", "empty,same-doc", path,
        ])
}

extension [UInt8] {
    var text: String { String(decoding: self, as: UTF8.self) }
}
