import DocumentModel
import FolioTesting
import Foundation
import Signing
import Testing
import UBL
import XMLTree

/// Documents without Folio's signature slot: an ApplicationResponse with no `ext:UBLExtensions`, and an
/// invoice whose extensions lack the slot.
@Suite struct PlacementTests {
    /// The RADIAN event fixture (lopezsoft/ubl21dian, MIT) has no ext:UBLExtensions at all.
    @Test func applicationResponseGetsUBLExtensionsAsFirstChild() throws {
        let unsigned = try Repository.fixture("application-response-event-030-minimal.xml")
        let signed = try XAdESSigner(identity: try Shared.identity()).sign(unsigned, signingTime: signingTime)

        let result = try xmlsecVerify(signed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("SignedInfo References (ok/all): 3/3"))
        #expect(try SignatureVerifier.verify(signed).signingTime == "2024-03-15T10:40:00.250-05:00")

        // Inserted right after the root's start tag; every other byte unchanged.
        let rootTagEnd = try #require(
            unsigned.firstRange(
                of: Array("xmlns:sts=\"http://www.dian.gov.co/contratos/facturaelectronica/v1/Structures\">".utf8)))
        let insertedStart = rootTagEnd.upperBound
        #expect(
            signed[insertedStart...].starts(
                with: Array("<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><ds:Signature ".utf8)))
        let end = try #require(
            signed.firstRange(of: Array("</ds:Signature></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>".utf8)))
        #expect(signed[..<insertedStart] == unsigned[..<insertedStart])
        #expect(signed[end.upperBound...] == unsigned[insertedStart...])
    }

    @Test func invoiceWithoutSlotGetsANewLastUBLExtension() throws {
        let written = try UBLWriter.write(SampleDocuments.invoice).text
        // Drop the second UBLExtension (the slot) as another program might have written it.
        let slotExtension = try #require(
            written.firstMatch(
                of:
                    #/\s*<ext:UBLExtension>\s*<ext:ExtensionContent>\s*<folio:SignaturePending/>\s*</ext:ExtensionContent>\s*</ext:UBLExtension>/#
            )?.range)
        let unsigned = Array(written.replacingCharacters(in: slotExtension, with: "").utf8)
        let signed = try XAdESSigner(identity: try Shared.identity()).sign(unsigned, signingTime: signingTime)

        #expect(try xmlsecVerify(signed).status == 0)
        _ = try SignatureVerifier.verify(signed, trustedRootsPEM: [try Shared.certificates().rootPEMText()])
        let close = try #require(unsigned.firstRange(of: Array("</ext:UBLExtensions>".utf8)))
        #expect(signed[..<close.lowerBound] == unsigned[..<close.lowerBound])
        #expect(signed[close.lowerBound...].starts(with: Array("<ext:UBLExtension><ext:ExtensionContent><ds:Signature ".utf8)))
        #expect(signed.suffix(unsigned.count - close.lowerBound) == unsigned[close.lowerBound...])
        let diagnostics = try Shared.ublValidator().validate(signed, sourceName: "no-slot")
        #expect(diagnostics.filter { $0.severity >= .error }.isEmpty, "\(diagnostics)")
    }
}

/// Markup the byte splicer must step over without losing its place: comments and CDATA containing tags,
/// processing instructions, `>` inside attribute values, single-quoted attributes.
@Suite struct AwkwardMarkupTests {
    @Test func commentsCDATAAndQuotedAngleBracketsKeepEveryByte() throws {
        let fixture = try Repository.fixture("application-response-event-030-minimal.xml").text
        let awkward =
            fixture
            .replacingOccurrences(
                of: "<cbc:ProfileExecutionID>",
                with: "<!-- <ext:UBLExtensions> in a comment --><?folio note > here?><cbc:ProfileExecutionID>"
            )
            .replacingOccurrences(
                of: "<cbc:ID>EVT-001</cbc:ID>",
                with:
                    "<cbc:ID schemeName='a > b &amp; \"c\"'>EVT-001</cbc:ID><cbc:Note><![CDATA[<cac:Fake></cac:Fake> ]] > & ñ]]></cbc:Note>"
            )
        let unsigned = Array(awkward.utf8)
        let signed = try XAdESSigner(identity: try Shared.identity()).sign(unsigned, signingTime: signingTime)
        #expect(try xmlsecVerify(signed).status == 0)
        _ = try SignatureVerifier.verify(signed)
        let start = try #require(signed.firstRange(of: Array("<ext:UBLExtensions>".utf8)))
        let end = try #require(signed.firstRange(of: Array("</ext:UBLExtensions>".utf8)))
        #expect(Array(signed[..<start.lowerBound]) + Array(signed[end.upperBound...]) == unsigned)
    }
}
