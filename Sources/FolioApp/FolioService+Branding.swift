import DisplayModel
import DocumentModel
import Issuance

extension FolioConfiguration.Company {
    /// The display model's branding for this company.
    var displayBranding: Branding {
        var branding = Branding()
        branding.logoPath = self.branding.logoPath
        if let color = self.branding.primaryColor { branding.primaryColor = color }
        if let color = self.branding.accentColor { branding.accentColor = color }
        branding.legalTexts = self.branding.legalTexts
        branding.tradeName = profile.supplier.tradeName
        return branding
    }
}

extension FolioService {
    /// Neutral branding when the document's company is unknown (e.g. a supplier's XML).
    func branding(for company: FolioConfiguration.Company?) -> Branding {
        company?.displayBranding ?? Branding()
    }
}
