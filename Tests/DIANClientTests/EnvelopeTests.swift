@testable import DIANClient
import FolioTesting
import Foundation
import Testing

@Suite("SOAP request envelope")
struct EnvelopeTests {
    let request = SOAPRequest(
        operation: .sendBillSync, to: "https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc",
        parameters: [.init("fileName", "z0700085371000190000001.zip"), .init("contentFile", "UEsDBA<&>==")])

    /// Runs `xmllint --xpath` on the envelope (an independent reader) and returns its output.
    func xpath(_ expression: String) throws -> String {
        let path = try temporaryFile(request.envelope(), name: "envelope.xml")
        let result = try TestProcess.run("xmllint", ["--xpath", expression, path])
        #expect(result.status == 0, "xmllint: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("the header carries wsa:Action and wsa:To with wsu:Id, as DIAN.md §5 shows")
    func header() throws {
        let header = "/*[local-name()='Envelope' and namespace-uri()='http://www.w3.org/2003/05/soap-envelope']"
            + "/*[local-name()='Header']"
        #expect(
            try xpath("string(\(header)/*[local-name()='Action' and namespace-uri()='http://www.w3.org/2005/08/addressing'])")
                == "http://wcf.dian.colombia/IWcfDianCustomerServices/SendBillSync")
        #expect(
            try xpath("string(\(header)/*[local-name()='To' and namespace-uri()='http://www.w3.org/2005/08/addressing'])")
                == "https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc")
        let wsuID = "@*[local-name()='Id' and namespace-uri()='http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd']"
        #expect(try xpath("string(\(header)/*[local-name()='To']/\(wsuID))") == "ID-1")
        // Nothing else in the header: the WS-Security signer only adds wsse:Security.
        #expect(try xpath("count(\(header)/*)") == "2")
    }

    @Test("the body holds the operation with its parameters in the wcf namespace, values escaped")
    func body() throws {
        let call = "/*/*[local-name()='Body']/*[local-name()='SendBillSync' and namespace-uri()='http://wcf.dian.colombia']"
        #expect(try xpath("string(\(call)/*[local-name()='fileName'])") == "z0700085371000190000001.zip")
        #expect(try xpath("string(\(call)/*[local-name()='contentFile'])") == "UEsDBA<&>==")
        let text = String(decoding: request.envelope(), as: UTF8.self)
        #expect(text.contains("UEsDBA&lt;&amp;&gt;=="))
    }

    @Test("the simulator's reader gives back the same request")
    func roundTrip() throws {
        #expect(try SOAPRequest.parse(request.envelope()) == request)
    }

    @Test("a body that does not match wsa:Action is refused, naming both")
    func mismatchedAction() throws {
        let text = String(decoding: request.envelope(), as: UTF8.self)
            .replacingOccurrences(of: "IWcfDianCustomerServices/SendBillSync", with: "IWcfDianCustomerServices/GetStatus")
        #expect {
            try SOAPRequest.parse(Array(text.utf8))
        } throws: { error in
            "\(error)".contains("GetStatus") && "\(error)".contains("SendBillSync")
        }
    }

    @Test("endpoints from configuration names")
    func endpoints() throws {
        #expect(try DIANEndpoint.named("habilitacion").url == "https://vpfe-hab.dian.gov.co/WcfDianCustomerServices.svc")
        #expect(try DIANEndpoint.named("producción").url == "https://vpfe.dian.gov.co/WcfDianCustomerServices.svc")
        #expect(try DIANEndpoint.named("http://127.0.0.1:9/WcfDianCustomerServices.svc").url == "http://127.0.0.1:9/WcfDianCustomerServices.svc")
        #expect(DIANEndpoint.simulator(port: 8089).url == "http://127.0.0.1:8089/WcfDianCustomerServices.svc")
        #expect(throws: DIANClientError.self) { try DIANEndpoint.named("pruebas") }
    }
}
