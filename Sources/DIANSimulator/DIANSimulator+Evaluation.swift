import DIANClient
import DocumentModel
import Foundation
import UBL
import XMLTree

extension DIANSimulator {
    /// The verdict on one uploaded ZIP, and the CUFE/CUDE it is remembered under (when the document was read).
    struct Evaluation {
        var response: DianResponse
        var key: String?
    }

    static let acceptedDescription = "Procesado Correctamente."
    static let rejectedDescription = "Validación contiene errores en campos mandatorios."

    /// Unzips, validates against the XSD, checks the XAdES, reads, and applies the rules. Blocking (libxml2).
    func evaluate(contentFile: String) -> Evaluation {
        func rejected(_ rules: [DIANRuleMessage], key: String? = nil, fileName: String? = nil) -> Evaluation {
            Evaluation(
                response: DianResponse(
                    isValid: false, statusCode: "99", statusDescription: Self.rejectedDescription,
                    statusMessage: "Documento con errores en campos mandatorios.", messages: rules, documentKey: key,
                    fileName: fileName),
                key: key)
        }
        guard let zip = Data(base64Encoded: contentFile, options: .ignoreUnknownCharacters) else {
            return rejected([SimulatorRules.reject("ZB01", "contentFile no es base64.")])
        }
        let entries: [DIANZip.Entry]
        do {
            entries = try DIANZip.entries(of: [UInt8](zip))
        } catch {
            return rejected([SimulatorRules.reject("ZB01", "contentFile no es un ZIP legible: \(error)")])
        }
        let xmlEntries = entries.filter { $0.name.lowercased().hasSuffix(".xml") }
        guard entries.count == 1, let entry = xmlEntries.first else {
            return rejected([
                SimulatorRules.reject("ZB01", "El ZIP debe contener exactamente un documento XML; contiene \(entries.map(\.name)).")
            ])
        }
        let fileName = String(entry.name.dropLast(4))
        let schemaErrors = validator.validate(entry.bytes, sourceName: entry.name).filter { $0.severity >= .error }
        guard schemaErrors.isEmpty else {
            return rejected(
                schemaErrors.prefix(20).map { SimulatorRules.reject("ZB02", "\($0.file):\($0.line): \($0.message)") },
                fileName: fileName)
        }
        do {
            try security.verifyDocument(entry.bytes)
        } catch {
            return rejected([SimulatorRules.reject("ZE02", "Valor de la firma inválido: \(error)")], fileName: fileName)
        }
        let document: ElectronicDocument
        do {
            document = try UBLReader.read(entry.bytes, sourceName: entry.name)
        } catch {
            return rejected([SimulatorRules.reject("ZB03", "\(error)")], fileName: fileName)
        }
        let key = document.uniqueCode ?? ""
        if !key.isEmpty, state.isAccepted(key) {
            let name = document.kind.uniqueCodeName
            let duplicate = SimulatorRules.reject("90", "Documento con \(name) \(key) procesado anteriormente.")
            // Not remembered: the accepted verdict stays what GetStatus answers.
            return Evaluation(response: rejected([duplicate], key: key, fileName: document.number).response, key: nil)
        }
        let now = configuration.now()
        var rules = SimulatorRules.uniqueCode(document, configuration: configuration)
        rules += SimulatorRules.numbering(document, configuration: configuration)
        rules += SimulatorRules.issueDate(document, today: BogotaTime.split(now).date, configuration: configuration)
        rules += SimulatorRules.totals(document)
        let notifications = rules.filter { $0.severity == .notification }
        guard !rules.contains(where: { $0.severity == .rejection }) else {
            return rejected(rules, key: key.isEmpty ? nil : key, fileName: document.number)
        }
        let unsigned = DIANApplicationResponse.build(
            for: document, documentKey: key, code: "02", description: "Documento validado por la DIAN",
            notifications: notifications, number: state.nextApplicationResponseNumber(), at: now)
        let signed: [UInt8]
        do {
            signed = try security.signApplicationResponse(unsigned, at: now)
        } catch {
            return rejected([SimulatorRules.reject("ZB04", "El simulador no pudo firmar su ApplicationResponse: \(error)")])
        }
        let noun = document.kind == .invoice ? "La Factura electrónica" : document.kind == .creditNote ? "La Nota Crédito" : "La Nota Débito"
        return Evaluation(
            response: DianResponse(
                isValid: true, statusCode: "00", statusDescription: Self.acceptedDescription,
                statusMessage: "\(noun) \(document.number), ha sido autorizada.", messages: notifications,
                applicationResponse: signed, documentKey: key, fileName: document.number),
            key: key)
    }

    /// SendEventUpdateStatus: a ZIP with a signed ApplicationResponse referencing an accepted document.
    func evaluateEvent(contentFile: String) -> DianResponse {
        func rejected(_ rule: DIANRuleMessage, key: String? = nil) -> DianResponse {
            DianResponse(
                isValid: false, statusCode: "99", statusDescription: Self.rejectedDescription,
                statusMessage: "Evento con errores.", messages: [rule], documentKey: key)
        }
        guard let zip = Data(base64Encoded: contentFile, options: .ignoreUnknownCharacters),
            let entries = try? DIANZip.entries(of: [UInt8](zip)), entries.count == 1, let entry = entries.first
        else { return rejected(SimulatorRules.reject("ZB01", "contentFile no es un ZIP con un único ApplicationResponse.")) }
        let schemaErrors: [XMLDiagnostic]
        do {
            schemaErrors = eventSchema.validate(try XMLDocument.parse(entry.bytes, sourceName: entry.name))
                .filter { $0.severity >= .error }
        } catch {
            schemaErrors = error.diagnostics.isEmpty
                ? [XMLDiagnostic(file: entry.name, line: 0, column: 0, message: error.message, severity: .fatal)]
                : error.diagnostics
        }
        if let first = schemaErrors.first {
            return rejected(SimulatorRules.reject("ZB02", "\(first.file):\(first.line): \(first.message)"))
        }
        do {
            try security.verifyDocument(entry.bytes)
        } catch {
            return rejected(SimulatorRules.reject("ZE02", "Valor de la firma inválido: \(error)"))
        }
        let event: ApplicationResponseDocument
        do {
            event = try UBLReader.readApplicationResponse(entry.bytes, sourceName: entry.name)
        } catch {
            return rejected(SimulatorRules.reject("ZB03", "\(error)"))
        }
        guard let reference = event.reference.uuid, state.isAccepted(reference) else {
            return rejected(
                SimulatorRules.reject(
                    "AAH07", "El documento referenciado \(event.reference.id) no existe o no fue validado por la DIAN."),
                key: event.uuid)
        }
        let previous = state.events(for: reference)
        if previous.contains(event.responseCode) {
            return rejected(
                SimulatorRules.reject("AAH08", "El evento \(event.responseCode) ya fue registrado para \(event.reference.id)."),
                key: event.uuid)
        }
        state.recordEvent(event.responseCode, for: reference)
        return DianResponse(
            isValid: true, statusCode: "00", statusDescription: Self.acceptedDescription,
            statusMessage: "El evento \(event.responseCode) del documento \(event.reference.id) ha sido registrado.",
            documentKey: event.uuid, fileName: event.id)
    }
}
