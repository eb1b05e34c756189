import FolioApp
import FolioTesting
import Foundation
import Testing

/// `folio dian-sim` and `folio habilitacion` as separate processes, talking SOAP over loopback.
@Suite(.serialized) struct HabilitacionCLITests {
    /// Starts `folio dian-sim` and returns it with its endpoint, read from its ready line.
    static func startSimulator(in directory: URL, technicalKey: String) throws -> (TestProcess, String) {
        let out = directory.appendingPathComponent("dian-sim.out")
        let simulator = try TestProcess.spawn(
            TestWorld.folioExecutable, ["dian-sim", "--port", "0", "--technical-key", technicalKey, "--software-pin", "12345"],
            environment: ["FOLIO_HOME": TestWorld.root.path], standardOutput: out,
            standardError: directory.appendingPathComponent("dian-sim.err"))
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on ") {
                return (simulator, String(text[range.upperBound...].prefix { !$0.isWhitespace }))
            }
            guard simulator.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        _ = simulator.terminate()
        let errors = (try? String(contentsOf: directory.appendingPathComponent("dian-sim.err"), encoding: .utf8)) ?? ""
        throw TestSupportError(.notReady, "folio dian-sim did not start: \(errors)")
    }

    /// Two of the example documents (a B2B invoice and a consumidor-final one) keep the run short.
    static func habilitacion(_ directory: URL, endpoint: String) throws -> TestProcess.Output {
        let config = try TestWorld.writeConfiguration(in: directory)
        let documents = directory.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        for name in ["01-three-lines.json", "06-consumidor-final.json"] {
            _ = try TestWorld.write(try TestWorld.example(name), name, in: documents)
        }
        return try CLITests.folio([
            "habilitacion", "--config", config.path, "--test-set-id", "hab-test-0001", "--dian", endpoint, "--data",
            directory.appendingPathComponent("data").path, "--documents", documents.path,
        ])
    }

    @Test func theTestSetIsIssuedSignedSentAndEveryDocumentValidated() throws {
        let directory = try makeTemporaryDirectory(prefix: "habilitacion")
        let (simulator, endpoint) = try Self.startSimulator(
            in: directory, technicalKey: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c")
        defer { _ = simulator.terminate() }
        let result = try Self.habilitacion(directory, endpoint: endpoint)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("test set hab-test-0001: 4 of 4 validated"))
        #expect(result.stdout.contains("credit-note  StatusCode 00  validated"))
        #expect(result.stdout.contains("debit-note  StatusCode 00  validated"))
    }

    @Test func aTestSetDIANCannotValidateFailsAndNamesTheRule() throws {
        let directory = try makeTemporaryDirectory(prefix: "habilitacion-bad")
        // The simulator holds another technical key: every invoice's CUFE is wrong for it.
        let (simulator, endpoint) = try Self.startSimulator(in: directory, technicalKey: String(repeating: "a", count: 40))
        defer { _ = simulator.terminate() }
        let result = try Self.habilitacion(directory, endpoint: endpoint)
        #expect(result.status == 1)
        #expect(result.stdout.contains("REJECTED"))
        #expect(result.stdout.contains("FAD06"))
        #expect(result.stderr.contains("not validated"))
    }
}
