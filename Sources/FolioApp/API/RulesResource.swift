import DIANValidation
import DocumentModel

/// `GET /rules`: the catalogue of DIAN rules Folio checks, and the tolerance it applies to amounts.
struct RulesResource: Encodable {
    var tolerance = RuleCatalogue.tolerance.fixed2
    var rules = RuleCatalogue.all
}
