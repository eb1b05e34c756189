/// The namespace URIs of DIAN's SOAP 1.2 web service (`WcfDianCustomerServices.svc`) and its responses.
public enum SOAPNamespace {
    /// SOAP 1.2 envelope (`soap` / `s`).
    public static let envelope = "http://www.w3.org/2003/05/soap-envelope"
    /// WS-Addressing 1.0 (`wsa` / `a`): `wsa:Action`, `wsa:To`.
    public static let addressing = "http://www.w3.org/2005/08/addressing"
    /// WS-Security utility (`wsu`): `wsu:Id`, `wsu:Timestamp`.
    public static let securityUtility =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    /// WS-Security extension (`wsse`): `wsse:Security`; also the namespace of the `InvalidSecurity` fault subcode.
    public static let security = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    /// DIAN's service namespace (`wcf`): operation and parameter elements.
    public static let service = "http://wcf.dian.colombia"
    /// `b:` of `DianResponse` results.
    public static let dianResponse = "http://schemas.datacontract.org/2004/07/DianResponse"
    /// `b:` of `UploadDocumentResponse` results (SendTestSetAsync, SendBillAsync).
    public static let uploadDocumentResponse = "http://schemas.datacontract.org/2004/07/UploadDocumentResponse"
    /// `b:` of GetNumberingRange results.
    public static let numberRangeList = "http://schemas.datacontract.org/2004/07/NumberRangeResponseList"
    /// `c:` of one numbering range in a GetNumberingRange result.
    public static let numberRange = "http://schemas.datacontract.org/2004/07/NumberRangeResponse"
    /// `c:` of string arrays (`c:string` in `b:ErrorMessage`).
    public static let arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
    /// `i:` XML Schema instance (`i:nil`).
    public static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}
