public import DocumentModel
public import Foundation

/// Documents built by hand; every amount is a literal computed on paper, not by Folio.
public enum SampleDocuments {
    public static func amount(_ text: String) -> Amount { Amount(exactly: text)! }
    public static func decimal(_ text: String) -> Decimal { DecimalText.parse(text)! }

    public static let cufe = "8bb918b19ba22a694f1da11c643b5e9de39adf60311cf179179e9b33381030bcd4c3c3f156c506ed5908f9276f5bd9b4"
    public static let cude = "907e4444decc9e59c160a2fb3b6659b33dc5b632a5008922b9a62f83f757b1c448e47f5867f2b50dbdb96f48c7681168"

    /// 3,000 characters with accents and markup characters.
    public static let longDescription = String(
        String(repeating: "Lente <oftálmico> & montura Ñandú, garantía 12 meses. ", count: 60).prefix(3_000))

    public static let supplier = Party(
        personType: .legal, name: "Folio Pruebas S.A.S.", tradeName: "Óptica Folio",
        identification: Identification(type: .nit, number: "900373115", checkDigit: 3), taxLevelCodes: ["O-13", "O-15"],
        taxScheme: .iva,
        address: Address(
            line: "Carrera 7 # 71-21, Torre B", cityCode: "11001", cityName: "Bogotá, D.C.", departmentCode: "11",
            departmentName: "Bogotá", postalCode: "110231"),
        email: "facturas@folio.example", phone: "6015550101")

    public static let buyer = Party(
        personType: .legal, name: "Peña & Hijos Ñandú S.A.S.",
        identification: Identification(type: .nit, number: "860034313", checkDigit: 7), taxLevelCodes: ["O-47"],
        taxScheme: .iva,
        address: Address(
            line: "Calle 10 Sur # 50-25 <Bodega 3>", cityCode: "05001", cityName: "Medellín", departmentCode: "05",
            departmentName: "Antioquia"),
        email: "compras@pena-hijos.example")

    public static let finalConsumer = Party(
        personType: .natural, name: "Consumidor Final", identification: .finalConsumer, taxLevelCodes: ["R-99-PN"],
        taxScheme: .notApplicable)

    public static func iva(_ percent: String, base: String, tax: String) -> TaxTotal {
        TaxTotal(
            scheme: .iva, taxAmount: amount(tax),
            subtotals: [TaxSubtotal(scheme: .iva, taxableAmount: amount(base), taxAmount: amount(tax), percent: decimal(percent))])
    }

    /// 2 × 150,000.00 − 30,000.00 discount = 270,000.00; IVA 19 % = 51,300.00.
    public static let lineWithDiscount = DocumentLine(
        id: 1, code: "SKU-001", description: longDescription, quantity: 2, unitCode: "94", unitPrice: amount("150000.00"),
        discount: amount("30000.00"), lineExtensionAmount: amount("270000.00"),
        taxes: [iva("19", base: "270000.00", tax: "51300.00")], note: "Entrega en bodega")

    /// 1.5 h × 80,000.00 = 120,000.00; IVA 19 % = 22,800.00.
    public static let serviceLine = DocumentLine(
        id: 2, code: "SRV-9", description: "Instalación <urgente> & soporte técnico", quantity: decimal("1.5"),
        unitCode: "HUR", unitPrice: amount("80000"), discount: .zero, lineExtensionAmount: amount("120000.00"),
        taxes: [iva("19", base: "120000.00", tax: "22800.00")])

    /// 3 × 45,000.50 = 135,001.50; IVA 0 %.
    public static let exemptLine = DocumentLine(
        id: 3, code: nil, description: "Libro técnico", quantity: 3, unitCode: "94", unitPrice: amount("45000.50"),
        discount: .zero, lineExtensionAmount: amount("135001.50"), taxes: [iva("0", base: "135001.50", tax: "0.00")])

    public static let control = InvoiceControl(
        authorization: "18760000001", startDate: CalendarDate(year: 2019, month: 1, day: 19),
        endDate: CalendarDate(year: 2030, month: 1, day: 19), prefix: "SETP", from: 990_000_000, to: 995_000_000)

    public static let software = SoftwareProvider(
        providerNIT: "900373115", providerCheckDigit: 3, softwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0",
        securityCode: "ef061d791ea17f22a34df2d5d18726509bcbe69139a7527a7e3d94c5d534899d5ff886f5a360c0fe87a71d600b67e3eb")

    public static func qr(_ number: String, payable: String, code: String) -> String {
        """
        NumFac: \(number)
        FecFac: 2024-03-15
        HorFac: 10:53:10-05:00
        NitFac: 900373115
        DocAdq: 860034313
        ValFac: 525001.50
        ValIva: 74100.00
        ValOtroIm: 0.00
        ValTolFac: \(payable)
        CUFE: \(code)
        https://catalogo-vpfe-hab.dian.gov.co/document/searchqr?documentkey=\(code)
        """
    }

    /// Three lines, IVA 19 % and 0 %, a buyer with `&` and `Ñ` in its name, a 3,000-character description.
    /// Totals: 270,000.00 + 120,000.00 + 135,001.50 = 525,001.50; IVA 51,300.00 + 22,800.00 = 74,100.00;
    /// payable 599,101.50.
    public static let invoice = ElectronicDocument(
        kind: .invoice, environment: .testing, customizationID: "10", number: "SETP990000101", uniqueCode: cufe,
        issueDate: CalendarDate(year: 2024, month: 3, day: 15),
        issueTime: OffsetTime(hour: 10, minute: 53, second: 10, offsetMinutes: -300),
        dueDate: CalendarDate(year: 2024, month: 4, day: 14), typeCode: "01",
        notes: ["Gracias por su compra", "Observación con & y <símbolos>"], currency: "COP", orderReference: "OC-7781",
        billingReference: nil, discrepancy: nil, supplier: supplier, customer: buyer,
        paymentMeans: PaymentMeans(methodID: "2", code: "42", dueDate: CalendarDate(year: 2024, month: 4, day: 14)),
        taxTotals: [
            TaxTotal(
                scheme: .iva, taxAmount: amount("74100.00"),
                subtotals: [
                    TaxSubtotal(scheme: .iva, taxableAmount: amount("135001.50"), taxAmount: .zero, percent: 0),
                    TaxSubtotal(scheme: .iva, taxableAmount: amount("390000.00"), taxAmount: amount("74100.00"), percent: 19),
                ])
        ],
        totals: MonetaryTotal(
            lineExtensionAmount: amount("525001.50"), taxExclusiveAmount: amount("525001.50"),
            taxInclusiveAmount: amount("599101.50"), payableAmount: amount("599101.50")),
        lines: [lineWithDiscount, serviceLine, exemptLine], control: control, software: software,
        qrText: qr("SETP990000101", payable: "599101.50", code: cufe))

    /// The same sale to the consumidor final (CC 222222222222, no address), paid in cash.
    public static let finalConsumerInvoice: ElectronicDocument = {
        var document = invoice
        document.number = "SETP990000102"
        document.customer = finalConsumer
        document.dueDate = nil
        document.paymentMeans = PaymentMeans(methodID: "1", code: "10")
        document.orderReference = nil
        return document
    }()

    /// Credit note 20 cancelling the service line of the invoice.
    public static let creditNote = ElectronicDocument(
        kind: .creditNote, environment: .testing, customizationID: "20", number: "NC101", uniqueCode: cude,
        issueDate: CalendarDate(year: 2024, month: 3, day: 20),
        issueTime: OffsetTime(hour: 8, minute: 0, second: 20, offsetMinutes: -300), dueDate: nil, typeCode: "91",
        notes: [], currency: "COP", orderReference: nil,
        billingReference: BillingReference(id: "SETP990000101", uuid: cufe, issueDate: CalendarDate(year: 2024, month: 3, day: 15)),
        discrepancy: Discrepancy(referenceID: "SETP990000101", code: "2", description: "Anulación del servicio de instalación"),
        supplier: supplier, customer: buyer, paymentMeans: PaymentMeans(methodID: "1", code: "10"),
        taxTotals: [iva("19", base: "120000.00", tax: "22800.00")],
        totals: MonetaryTotal(
            lineExtensionAmount: amount("120000.00"), taxExclusiveAmount: amount("120000.00"),
            taxInclusiveAmount: amount("142800.00"), payableAmount: amount("142800.00")),
        lines: [serviceLine.renumbered(1)], control: nil, software: software,
        qrText: qr("NC101", payable: "142800.00", code: cude))

    /// Debit note 30 for late-payment interest: 10,000.00 + IVA 19 % 1,900.00 = 11,900.00; with a discount line.
    public static let debitNote = ElectronicDocument(
        kind: .debitNote, environment: .production, customizationID: "30", number: "ND55", uniqueCode: cude,
        issueDate: CalendarDate(year: 2024, month: 4, day: 20),
        issueTime: OffsetTime(hour: 17, minute: 5, second: 0, offsetMinutes: -300),
        dueDate: CalendarDate(year: 2024, month: 5, day: 1), typeCode: nil, notes: ["Intereses de mora marzo"],
        currency: "COP", orderReference: "OC-7781",
        billingReference: BillingReference(id: "SETP990000101", uuid: cufe, issueDate: CalendarDate(year: 2024, month: 3, day: 15)),
        discrepancy: Discrepancy(referenceID: nil, code: "1", description: "Intereses"), supplier: supplier,
        customer: buyer,
        paymentMeans: PaymentMeans(methodID: "2", code: "42", dueDate: CalendarDate(year: 2024, month: 5, day: 1)),
        taxTotals: [iva("19", base: "10000.00", tax: "1900.00")],
        totals: MonetaryTotal(
            lineExtensionAmount: amount("10000.00"), taxExclusiveAmount: amount("10000.00"),
            taxInclusiveAmount: amount("11900.00"), payableAmount: amount("11900.00")),
        lines: [
            DocumentLine(
                id: 1, code: "INT-1", description: "Intereses de mora", quantity: 1, unitCode: "94",
                unitPrice: amount("12500.00"), discount: amount("2500.00"), lineExtensionAmount: amount("10000.00"),
                taxes: [iva("19", base: "10000.00", tax: "1900.00")])
        ],
        control: nil, software: software, qrText: qr("ND55", payable: "11900.00", code: cude))

    public static let byName: [String: ElectronicDocument] = [
        "invoice": invoice, "final-consumer invoice": finalConsumerInvoice, "credit note": creditNote,
        "debit note": debitNote,
    ]
    public static let names = ["invoice", "final-consumer invoice", "credit note", "debit note"]
}

extension DocumentLine {
    public func renumbered(_ id: Int) -> DocumentLine {
        var line = self
        line.id = id
        return line
    }
}
