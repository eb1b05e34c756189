import FolioApp
import FolioTesting
import Foundation
import Testing

struct ConfigurationTests {
    @Test func misspeltKeysAndImpossibleValuesAreNamed() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-config")
        let config = try TestWorld.writeConfiguration(in: directory)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
        var companies = json["companies"] as! [[String: Any]]
        companies[0]["printing"] = ["defualt_printer": "bodega-1", "copies": 1]
        json["cups_sever"] = "127.0.0.1:631"
        json["companies"] = companies
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        do {
            _ = try FolioConfiguration.load(path: config.path)
            Issue.record("a misspelt configuration was accepted")
        } catch let error as ConfigurationError {
            #expect(error.problems.count == 2)
            #expect(error.problems[0].hasPrefix("companies[1].printing.defualt_printer: is not a configuration key"))
            #expect(error.problems[1].hasPrefix("cups_sever: is not a configuration key"))
        }

        var second = companies[0]
        second["printing"] = ["copies": 0]
        var resolution = second["resolution"] as! [String: Any]
        resolution["prefix"] = "SETP-<&>"
        second["resolution"] = resolution
        companies[0]["printing"] = ["copies": 1]
        json["companies"] = [companies[0], second]
        json.removeValue(forKey: "cups_sever")
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        do {
            _ = try FolioConfiguration.load(path: config.path)
            Issue.record("an impossible configuration was accepted")
        } catch let error as ConfigurationError {
            #expect(error.problems == [
                #"companies[2].id: "folio-demo" is already the id of another company"#,
                #"companies[2].resolution.prefix: "SETP-<&>" must be at most 4 letters or digits, as DIAN authorizes it"#,
                "companies[2].printing.copies: 0 must be from 1 to 99",
            ])
        }
    }

    @Test func renderWorkersAreConfiguredAndCheckedByKey() throws {
        let directory = try makeTemporaryDirectory(prefix: "folio-config-render")
        let config = try TestWorld.writeConfiguration(in: directory)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: config)) as! [String: Any]
        #expect(try FolioConfiguration.load(path: config.path).render == .init(workers: 2, timeoutSeconds: 120))

        json["render"] = ["workers": 0, "timeout_seconds": 30]
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        #expect(try FolioConfiguration.load(path: config.path).render == .init(workers: 0, timeoutSeconds: 30))

        json["render"] = ["workers": 33, "timeout_seconds": 0, "wrokers": 1]
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        #expect {
            try FolioConfiguration.load(path: config.path)
        } throws: { error in
            (error as? ConfigurationError)?.problems == ["render.wrokers: is not a configuration key (known here: timeout_seconds, workers)"]
        }
        json["render"] = ["workers": 33, "timeout_seconds": 0]
        try JSONSerialization.data(withJSONObject: json).write(to: config)
        #expect {
            try FolioConfiguration.load(path: config.path)
        } throws: { error in
            (error as? ConfigurationError)?.problems == [
                "render.workers: 33 must be from 0 to 32 (0 draws in the server process)",
                "render.timeout_seconds: 0 must be from 1 to 3600",
            ]
        }
    }
}
