@testable import DIANClient
import FolioTesting
import Foundation
import Testing
import XMLTree

/// Answers written by hand in the shapes DIAN.md §5 records from habilitación (SendBillSyncResponse,
/// GetStatusZip with a rejection, a Fault), parsed by the client's reader.
@Suite("DIAN response parsing")
struct ResponseParsingTests {
    static let applicationResponse = "<ApplicationResponse xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2\"><ID>1</ID></ApplicationResponse>"

    static func envelope(_ body: String) -> [UInt8] {
        Array(
            """
            <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">\
            <s:Header><a:Action s:mustUnderstand="1">http://wcf.dian.colombia/IWcfDianCustomerServices/SendBillSyncResponse</a:Action></s:Header>\
            <s:Body>\(body)</s:Body></s:Envelope>
            """.utf8)
    }

    @Test("an accepted SendBillSync answer")
    func accepted() throws {
        // base64 of applicationResponse, computed once with `base64 -w0` and pasted here.
        let base64 = "PEFwcGxpY2F0aW9uUmVzcG9uc2UgeG1sbnM9InVybjpvYXNpczpuYW1lczpzcGVjaWZpY2F0aW9uOnVibDpzY2hlbWE6eHNkOkFwcGxpY2F0aW9uUmVzcG9uc2UtMiI+PElEPjE8L0lEPjwvQXBwbGljYXRpb25SZXNwb25zZT4="
        let body = """
            <SendBillSyncResponse xmlns="http://wcf.dian.colombia"><SendBillSyncResult xmlns:b="http://schemas.datacontract.org/2004/07/DianResponse" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">\
            <b:ErrorMessage xmlns:c="http://schemas.microsoft.com/2003/10/Serialization/Arrays"/>\
            <b:IsValid>true</b:IsValid><b:StatusCode>00</b:StatusCode><b:StatusDescription>Procesado Correctamente.</b:StatusDescription>\
            <b:StatusMessage>La Factura electrónica SETP990000001, ha sido autorizada.</b:StatusMessage>\
            <b:XmlBase64Bytes>\(base64)</b:XmlBase64Bytes><b:XmlBytes i:nil="true"/>\
            <b:XmlDocumentKey>2bbe23aa422c</b:XmlDocumentKey><b:XmlFileName>SETP990000001</b:XmlFileName>\
            </SendBillSyncResult></SendBillSyncResponse>
            """
        guard case .result(let result) = try SOAPResponse.content(of: Self.envelope(body), operation: .sendBillSync) else {
            Issue.record("expected a result")
            return
        }
        let response = try DianResponse.read(result, operation: .sendBillSync)
        #expect(response.isValid && response.isAccepted && !response.isBatchInProgress)
        #expect(response.statusCode == "00")
        #expect(response.statusDescription == "Procesado Correctamente.")
        #expect(response.statusMessage == "La Factura electrónica SETP990000001, ha sido autorizada.")
        #expect(response.messages.isEmpty)
        #expect(response.applicationResponse.map { String(decoding: $0, as: UTF8.self) } == Self.applicationResponse)
        #expect(response.documentKey == "2bbe23aa422c")
        #expect(response.fileName == "SETP990000001")
        try response.requireAccepted()
    }

    @Test("a rejection in GetStatusZip: rules and notifications parsed")
    func rejected() throws {
        let body = """
            <GetStatusZipResponse xmlns="http://wcf.dian.colombia"><GetStatusZipResult xmlns:b="http://schemas.datacontract.org/2004/07/DianResponse" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">\
            <b:DianResponse><b:ErrorMessage xmlns:c="http://schemas.microsoft.com/2003/10/Serialization/Arrays">\
            <c:string>Regla: FAB10a, Rechazo: El prefijo de numeración no es igual al código de la sucursal.</c:string>\
            <c:string>Regla: FAJ50, Notificación: El prefijo no corresponde.</c:string>\
            <c:string>Error inesperado sin regla</c:string></b:ErrorMessage>\
            <b:IsValid>false</b:IsValid><b:StatusCode>99</b:StatusCode><b:StatusDescription>Validación contiene errores en campos mandatorios.</b:StatusDescription>\
            <b:StatusMessage/><b:XmlBase64Bytes i:nil="true"/><b:XmlBytes i:nil="true"/>\
            <b:XmlDocumentKey>2bbe23422c</b:XmlDocumentKey><b:XmlFileName>SETP990000001</b:XmlFileName></b:DianResponse>\
            </GetStatusZipResult></GetStatusZipResponse>
            """
        guard case .result(let result) = try SOAPResponse.content(of: Self.envelope(body), operation: .getStatusZip),
            let item = result.children.first
        else {
            Issue.record("expected a result")
            return
        }
        let response = try DianResponse.read(item, operation: .getStatusZip)
        #expect(!response.isValid && response.statusCode == "99" && response.applicationResponse == nil)
        #expect(
            response.messages == [
                DIANRuleMessage(rule: "FAB10a", severity: .rejection, message: "El prefijo de numeración no es igual al código de la sucursal."),
                DIANRuleMessage(rule: "FAJ50", severity: .notification, message: "El prefijo no corresponde."),
                DIANRuleMessage(rule: nil, severity: .unknown, message: "Error inesperado sin regla"),
            ])
        #expect(response.rejections.map(\.rule) == ["FAB10a"])
        #expect(response.notifications.map(\.rule) == ["FAJ50"])
        #expect {
            try response.requireAccepted(operation: .getStatusZip)
        } throws: { error in
            let error = error as! DIANClientError
            return error.code == .rejected && !error.isRetryable && error.rules.count == 3
                && error.message.contains("Regla: FAB10a, Rechazo: El prefijo")
        }
    }

    @Test("'Batch en proceso de validación.' is in progress and retryable")
    func batchInProgress() throws {
        let response = DianResponse(
            isValid: false, statusCode: "", statusDescription: "Batch en proceso de validación.", statusMessage: "")
        #expect(response.isBatchInProgress)
        #expect {
            try response.requireAccepted()
        } throws: { error in
            (error as? DIANClientError).map { $0.code == .batchInProgress && $0.isRetryable } ?? false
        }
    }

    @Test("XmlBase64Bytes holding a ZIP (made by the zip CLI) is unzipped")
    func zippedApplicationResponse() throws {
        let directory = try makeTemporaryDirectory(prefix: "dian-ar")
        try Data(Self.applicationResponse.utf8).write(to: directory.appendingPathComponent("ar.xml"))
        let made = try TestProcess.run("/bin/sh", ["-c", "cd '\(directory.path)' && zip -q ar.zip ar.xml"])
        #expect(made.status == 0)
        let base64 = try Data(contentsOf: directory.appendingPathComponent("ar.zip")).base64EncodedString()
        let body = """
            <GetStatusResponse xmlns="http://wcf.dian.colombia"><GetStatusResult xmlns:b="http://schemas.datacontract.org/2004/07/DianResponse">\
            <b:IsValid>true</b:IsValid><b:StatusCode>00</b:StatusCode><b:XmlBase64Bytes>\(base64)</b:XmlBase64Bytes>\
            </GetStatusResult></GetStatusResponse>
            """
        guard case .result(let result) = try SOAPResponse.content(of: Self.envelope(body), operation: .getStatus) else {
            Issue.record("expected a result")
            return
        }
        let response = try DianResponse.read(result, operation: .getStatus)
        #expect(response.applicationResponse.map { String(decoding: $0, as: UTF8.self) } == Self.applicationResponse)
    }

    @Test("a SOAP 1.2 Fault InvalidSecurity")
    func fault() throws {
        let body = """
            <s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:a="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">a:InvalidSecurity</s:Value></s:Subcode></s:Code>\
            <s:Reason><s:Text xml:lang="en-US">An error occurred when verifying security for the message.</s:Text></s:Reason></s:Fault>
            """
        let fault = SOAPResponse.fault(in: Self.envelope(body))
        #expect(
            fault == SOAPFault(code: "Sender", subcode: "InvalidSecurity", reason: "An error occurred when verifying security for the message."))
        #expect(fault?.isRetryable == false)
        #expect(SOAPFault(code: "Receiver", subcode: nil, reason: "").isRetryable)
    }

    @Test("an answer that is not the operation's response is malformed")
    func malformed() {
        #expect {
            try SOAPResponse.content(of: Self.envelope("<Other xmlns=\"http://wcf.dian.colombia\"/>"), operation: .sendBillSync)
        } throws: { error in
            (error as? DIANClientError).map { $0.code == .malformedResponse && $0.message.contains("SendBillSyncResponse") } ?? false
        }
        #expect(throws: DIANClientError.self) { try SOAPResponse.content(of: Array("<html>".utf8), operation: .getStatus) }
    }

    @Test("rule messages round-trip DIAN's text form")
    func ruleMessages() {
        let texts = [
            "Regla: FAD06, Rechazo: Valor del CUFE no está calculado correctamente.",
            "Regla: FAJ50, Notificación: El prefijo no corresponde.", "Regla: 90, Rechazo: Documento procesado anteriormente.",
        ]
        for text in texts { #expect(DIANRuleMessage(parsing: text).text == text) }
        #expect(DIANRuleMessage(parsing: "Regla: 90, Rechazo: Documento procesado anteriormente.").rule == "90")
    }
}
