public import Foundation

/// DIAN's code lists (genericode `.gc` files from DIAN's toolbox, copied into `CodeLists/`), loaded once.
///
/// The files predate Anexo 1.9; the codes 1.9 added are appended from ``annex19Additions`` (see
/// `CodeLists/PROVENANCE.md`).
public struct CodeLists: Sendable {
    /// DANE municipality code → name (`11001` → `Bogotá, D.c.`).
    public var municipalities: [String: String]
    /// DANE department code → name.
    public var departments: [String: String]
    public var unitCodes: Set<String>
    /// MediosPago (`10` efectivo, `42` consignación, …).
    public var paymentMeans: Set<String>
    /// FormasPago (`1` contado, `2` crédito).
    public var paymentMethods: Set<String>
    /// TipoIdFiscal (`13` CC, `31` NIT, …).
    public var identificationTypes: Set<String>
    /// TipoImpuesto (`01` IVA, `04` INC, `ZZ`, …).
    public var taxSchemes: Set<String>
    /// Rates per tax scheme with a rate table (`01` IVA, `04` INC), in percent.
    public var rates: [String: Set<Decimal>]
    public var creditNoteConcepts: Set<String>
    public var debitNoteConcepts: Set<String>
    /// TipoResponsabilidad (`O-13`, `O-15`, `O-23`, `O-47`, plus `R-99-PN` of Anexo 1.9).
    public var responsibilities: Set<String>

    /// The files read, one per list.
    public static let files = [
        "Municipio-2.1.gc", "Departamentos-2.1.gc", "UnidadesMedida-2.1.gc", "MediosPago-2.1.gc", "FormasPago-2.1.gc",
        "TipoIdFiscal-2.1.gc", "TipoImpuesto-2.1.gc", "TarifaImpuestoIVA-2.1.gc", "TarifaImpuestoINC-2.1.gc",
        "ConceptoNotaCredito-2.1.gc", "ConceptoNotaDebito-2.1.gc", "TipoResponsabilidad-2.1.gc",
    ]

    /// Codes Anexo 1.9 added after these files were published (DIAN.md §3.3, [M]/[S]): identification types
    /// 47 PEP and 48 PPT; taxes 30 and 32–36; responsibility R-99-PN (no responsable).
    public static let annex19Additions: [String: Set<String>] = [
        "TipoIdFiscal": ["47", "48"],
        "TipoImpuesto": ["30", "32", "33", "34", "35", "36"],
        "TipoResponsabilidad": ["R-99-PN"],
    ]

    /// Loads every list from `directory`.
    ///
    /// - Throws: ``CodeListError`` naming the file that is missing, unreadable or holds no codes.
    public init(directory: String) throws {
        func list(_ name: String) throws -> [String: String] {
            try GenericodeFile.read(path: directory + "/" + name)
        }
        municipalities = try list("Municipio-2.1.gc")
        departments = try list("Departamentos-2.1.gc")
        unitCodes = Set(try list("UnidadesMedida-2.1.gc").keys)
        paymentMeans = Set(try list("MediosPago-2.1.gc").keys)
        paymentMethods = Set(try list("FormasPago-2.1.gc").keys)
        identificationTypes = Set(try list("TipoIdFiscal-2.1.gc").keys).union(Self.annex19Additions["TipoIdFiscal"]!)
        taxSchemes = Set(try list("TipoImpuesto-2.1.gc").keys).union(Self.annex19Additions["TipoImpuesto"]!)
        rates = [
            "01": try Self.rates(list("TarifaImpuestoIVA-2.1.gc"), file: directory + "/TarifaImpuestoIVA-2.1.gc"),
            "04": try Self.rates(list("TarifaImpuestoINC-2.1.gc"), file: directory + "/TarifaImpuestoINC-2.1.gc"),
        ]
        creditNoteConcepts = Set(try list("ConceptoNotaCredito-2.1.gc").keys)
        debitNoteConcepts = Set(try list("ConceptoNotaDebito-2.1.gc").keys)
        responsibilities = Set(try list("TipoResponsabilidad-2.1.gc").keys).union(Self.annex19Additions["TipoResponsabilidad"]!)
    }

    private static func rates(_ list: [String: String], file: String) throws -> Set<Decimal> {
        var result: Set<Decimal> = []
        for code in list.keys {
            guard let rate = Decimal(string: code, locale: Locale(identifier: "en_US_POSIX")) else {
                throw CodeListError(file: file, message: "the rate '\(code)' is not a decimal number")
            }
            result.insert(rate)
        }
        return result
    }
}

/// A code list that cannot be used, naming its file.
public struct CodeListError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
