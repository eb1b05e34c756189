import DIANClient
import FolioTesting
import Foundation
import Testing

@Suite("DIAN ZIPs and file names")
struct PackagingTests {
    @Test("file names: fv/nc/nd/ar/ad + NIT10 + PPP + AA + 8 hex, ZIP z…")
    func fileNames() throws {
        // DIAN.md §5's example: fv08001972680001900000011.xml (sequence 0x11).
        let invoice = try DIANFileName(kind: .invoice, nit: "800197268", year: 2019, sequence: 0x11)
        #expect(invoice.xml == "fv08001972680001900000011.xml")
        #expect(invoice.zip == "z08001972680001900000011.zip")
        let note = try DIANFileName(kind: .creditNote, nit: "900373115", providerCode: "123", year: 2026, sequence: 0xABCDEF12)
        #expect(note.xml == "nc090037311512326abcdef12.xml")
        #expect(try DIANFileName(kind: .debitNote, nit: "1", year: 2030, sequence: 0).xml == "nd00000000010003000000000.xml")
        #expect(try DIANFileName(kind: .applicationResponse, nit: "860034313", year: 2025, sequence: 255).xml == "ar086003431300025000000ff.xml")
        #expect(try DIANFileName(kind: .attachedDocument, nit: "860034313", year: 2025, sequence: 1).xml == "ad08600343130002500000001.xml")
    }

    @Test("bad file-name fields are refused, naming the field", arguments: [
        ("900.373.115", "000", 2026, "NIT"), ("12345678901", "000", 2026, "NIT"), ("900373115", "12", 2026, "provider code"),
        ("900373115", "000", 1999, "year"),
    ])
    func badFileNames(nit: String, provider: String, year: Int, field: String) {
        #expect {
            try DIANFileName(kind: .invoice, nit: nit, providerCode: provider, year: year, sequence: 1)
        } throws: { error in
            "\(error)".contains(field)
        }
    }

    @Test("a ZIP from DIANZip lists and extracts with the unzip CLI")
    func zipReadByUnzip() throws {
        let xml = Array("<?xml version=\"1.0\"?><Invoice>Peña &amp; Hijos — ñ</Invoice>\n".utf8)
        let zip = try DIANZip.make(
            fileName: "fv09003731150002600000001.xml", xml: xml, modified: Date(timeIntervalSince1970: 1_767_225_600))
        let path = try temporaryFile(zip, name: "z09003731150002600000001.zip")
        let listing = try TestProcess.run("unzip", ["-Z1", path])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout == "fv09003731150002600000001.xml\n")
        let test = try TestProcess.run("unzip", ["-t", path])
        #expect(test.status == 0 && test.stdout.contains("No errors detected"), "\(test.stdout)")
        let verbose = try TestProcess.run("unzip", ["-v", path])
        #expect(verbose.stdout.contains("Defl:"), "entries are deflated: \(verbose.stdout)")
        let content = try TestProcess.run("unzip", ["-p", path, "fv09003731150002600000001.xml"])
        #expect(content.stdout == String(decoding: xml, as: UTF8.self))
    }

    @Test("DIANZip reads a ZIP written by the zip CLI")
    func readZipFromCLI() throws {
        let directory = try makeTemporaryDirectory(prefix: "dian-zip")
        try Data("<a>uno</a>".utf8).write(to: directory.appendingPathComponent("one.xml"))
        try Data("dos".utf8).write(to: directory.appendingPathComponent("two.txt"))
        let zipPath = directory.appendingPathComponent("out.zip").path
        let result = try TestProcess.run("/bin/sh", ["-c", "cd '\(directory.path)' && zip -q -X out.zip one.xml two.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try DIANZip.entries(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: zipPath))))
        #expect(entries.map(\.name) == ["one.xml", "two.txt"])
        #expect(entries.map { String(decoding: $0.bytes, as: UTF8.self) } == ["<a>uno</a>", "dos"])
    }

    @Test("garbage and a damaged ZIP are refused with a message")
    func damaged() throws {
        #expect(throws: DIANZipError.self) { try DIANZip.entries(of: Array("not a zip at all, not at all".utf8)) }
        var zip = try DIANZip.make(fileName: "a.xml", xml: Array(String(repeating: "<x/>", count: 200).utf8), modified: Date(timeIntervalSince1970: 0))
        zip[40] ^= 0xFF  // inside the deflated data
        #expect(throws: DIANZipError.self) { try DIANZip.entries(of: zip) }
        #expect(throws: DIANZipError.self) {
            try DIANZip.make([.init(name: "a.xml", bytes: []), .init(name: "a.xml", bytes: [])], modified: Date(timeIntervalSince1970: 0))
        }
    }
}
