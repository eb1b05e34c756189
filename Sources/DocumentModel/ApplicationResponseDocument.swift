/// A DIAN `ApplicationResponse` exactly as written: a RADIAN event on an invoice (codes 030–034, signed by
/// the buyer or the issuer) or DIAN's own verdict on a document (02 validado, 04 rechazado).
///
/// The event's CUDE is `SHA384(ID + IssueDate + IssueTime + sender NIT + receiver NIT + ResponseCode +
/// reference ID + reference DocumentTypeCode + SoftwarePIN)`; this value keeps every one of those inputs
/// but the PIN. ``ApplicationResponseCode`` names the response codes.
public struct ApplicationResponseDocument: Sendable, Hashable, Codable {
    /// `cac:SenderParty` or `cac:ReceiverParty`: who sends the response and who it is addressed to.
    public struct Participant: Sendable, Hashable, Codable {
        /// The registration name; `nil` when the document gives none.
        public var name: String?
        public var identification: Identification

        public init(name: String?, identification: Identification) {
            self.name = name
            self.identification = identification
        }
    }

    /// The document the response is about (`cac:DocumentResponse/cac:DocumentReference`).
    public struct Reference: Sendable, Hashable, Codable {
        /// `cbc:ID`: the invoice's prefix and number.
        public var id: String
        /// `cbc:UUID`: the referenced document's CUFE (or CUDE).
        public var uuid: String?
        /// `cbc:UUID/@schemeName` (`CUFE-SHA384`).
        public var uuidScheme: String?
        /// `cbc:DocumentTypeCode` (`01` factura electrónica de venta).
        public var typeCode: String?

        public init(id: String, uuid: String?, uuidScheme: String?, typeCode: String?) {
            self.id = id
            self.uuid = uuid
            self.uuidScheme = uuidScheme
            self.typeCode = typeCode
        }
    }

    /// The person who received the goods or acts for the sender (`cac:DocumentResponse/cac:IssuerParty/cac:Person`),
    /// which events 030–033 carry.
    public struct Person: Sendable, Hashable, Codable {
        public var identification: Identification?
        public var firstName: String?
        public var familyName: String?
        public var jobTitle: String?
        /// `cbc:OrganizationDepartment`.
        public var department: String?

        public init(
            identification: Identification?, firstName: String?, familyName: String?, jobTitle: String?,
            department: String?
        ) {
            self.identification = identification
            self.firstName = firstName
            self.familyName = familyName
            self.jobTitle = jobTitle
            self.department = department
        }

        /// First and family names joined by a space; empty when both are absent.
        public var fullName: String { [firstName, familyName].compactMap { $0 }.joined(separator: " ") }
    }

    /// One `cac:DocumentResponse/cac:LineResponse`: in DIAN's verdicts, a validation rule and its message.
    public struct LineResponse: Sendable, Hashable, Codable {
        /// `cac:LineReference/cbc:LineID`.
        public var lineID: String?
        /// `cac:Response/cbc:ResponseCode` (a rule such as `FAJ43b`).
        public var code: String
        /// `cac:Response/cbc:Description`, several joined by line breaks.
        public var description: String

        public init(lineID: String?, code: String, description: String) {
            self.lineID = lineID
            self.code = code
            self.description = description
        }
    }

    /// `cbc:ProfileExecutionID`; `nil` when the document does not say.
    public var environment: DIANEnvironment?
    /// `cbc:ID`.
    public var id: String
    /// The event's CUDE (`cbc:UUID`); `nil` when empty.
    public var uuid: String?
    /// `cbc:UUID/@schemeName` (`CUDE-SHA384`).
    public var uuidScheme: String?
    public var issueDate: CalendarDate
    public var issueTime: OffsetTime
    /// `cbc:Note`, in order.
    public var notes: [String]
    public var sender: Participant
    public var receiver: Participant
    /// `cac:DocumentResponse/cac:Response/cbc:ResponseCode` (`030`, `02`…).
    public var responseCode: String
    /// `cac:Response/cbc:Description` as written, several joined by line breaks; `nil` when absent.
    public var responseDescription: String?
    public var reference: Reference
    public var issuerPerson: Person?
    public var lineResponses: [LineResponse]

    public init(
        environment: DIANEnvironment?, id: String, uuid: String?, uuidScheme: String?, issueDate: CalendarDate,
        issueTime: OffsetTime, notes: [String], sender: Participant, receiver: Participant, responseCode: String,
        responseDescription: String?, reference: Reference, issuerPerson: Person? = nil,
        lineResponses: [LineResponse] = []
    ) {
        self.environment = environment
        self.id = id
        self.uuid = uuid
        self.uuidScheme = uuidScheme
        self.issueDate = issueDate
        self.issueTime = issueTime
        self.notes = notes
        self.sender = sender
        self.receiver = receiver
        self.responseCode = responseCode
        self.responseDescription = responseDescription
        self.reference = reference
        self.issuerPerson = issuerPerson
        self.lineResponses = lineResponses
    }
}
