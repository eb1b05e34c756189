import Foundation
import UBL

/// Paths inside the repository, found from this file (the repository root is three levels up).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("Schemas/ubl-2.1")
    static let fixtures = root.appendingPathComponent("Tests/UBLTests/Fixtures")

    static func schema(_ name: String) -> String { schemas.appendingPathComponent("maindoc/\(name)").path }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }
}

/// One validator for the whole test run (compiling the UBL schemas takes a moment).
enum SharedValidator {
    private static let loaded = Result { try UBLValidator(schemasDirectory: Repository.schemas.path) }
    static func get() throws -> UBLValidator { try loaded.get() }
}

/// A fresh temporary directory.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ubl-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `bytes` to a temporary file and returns its path.
func writeTemporaryFile(_ bytes: [UInt8], name: String) throws -> String {
    let url = try makeTemporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}
