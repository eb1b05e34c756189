import DocumentModel
import Issuance
import Testing

/// The issuance state machine, branch by branch: no DIAN, no clock, no store.
@Suite struct IssuancePlanTests {
    static let monday = CalendarDate(iso: "2026-12-07")!
    static let tuesday = CalendarDate(iso: "2026-12-08")!

    static func facts(
        _ state: IssuanceState, kind: DocumentKind = .invoice, issued: CalendarDate = monday, today: CalendarDate = monday,
        transmits: Bool = true, contingency: Bool = false, delivered: Bool = false, unreachableFor: Double? = nil,
        contingencyAfter: Double? = 3600
    ) -> IssuanceFacts {
        IssuanceFacts(
            state: state, kind: kind, issueDate: issued, today: today, transmits: transmits, inContingency: contingency,
            delivered: delivered, unreachableFor: unreachableFor, contingencyAfter: contingencyAfter)
    }

    @Test func theHappyPathRunsEveryStageInOrder() {
        #expect(IssuancePlan.next(Self.facts(.numbered)) == .sign(redate: false))
        #expect(IssuancePlan.next(Self.facts(.signed)) == .transmit)
        #expect(IssuancePlan.next(Self.facts(.transmitting)) == .askStatus)
        #expect(IssuancePlan.next(Self.facts(.accepted)) == .archive)
        #expect(IssuancePlan.next(Self.facts(.archived)) == .deliver)
        #expect(IssuancePlan.next(Self.facts(.delivered)) == IssuanceStep.none)
    }

    @Test func withoutDIANASignedDocumentIsDeliveredAtOnce() {
        #expect(IssuancePlan.next(Self.facts(.signed, transmits: false)) == .deliver)
        #expect(IssuancePlan.next(Self.facts(.signed, transmits: false, delivered: true)) == .finish)
    }

    @Test func aDocumentThatWaitedPastMidnightIsRedatedOnlyWhileDIANDoesNotHaveIt() {
        #expect(IssuancePlan.next(Self.facts(.numbered, today: Self.tuesday)) == .sign(redate: true))
        #expect(IssuancePlan.next(Self.facts(.signed, today: Self.tuesday)) == .sign(redate: true))
        // It may already be at DIAN: ask first, never re-sign blindly.
        #expect(IssuancePlan.next(Self.facts(.transmitting, today: Self.tuesday)) == .askStatus)
        // DIAN has it: never signed again.
        #expect(IssuancePlan.next(Self.facts(.accepted, today: Self.tuesday)) == .archive)
        // A contingency invoice was handed to the buyer with its date: it keeps it.
        #expect(IssuancePlan.next(Self.facts(.signed, today: Self.tuesday, contingency: true)) == .transmit)
    }

    @Test func aRejectedDocumentWaitsForItsCorrection() {
        #expect(IssuancePlan.next(Self.facts(.rejected)) == IssuanceStep.none)
        #expect(IssuanceState.rejected.isSettled)
        #expect(!IssuanceState.transmitting.isSettled)
    }

    @Test func onlyInvoicesGoIntoContingencyAndOnlyAfterTheConfiguredWait() {
        #expect(IssuancePlan.next(Self.facts(.transmitting, unreachableFor: 3599)) == .askStatus)
        #expect(IssuancePlan.next(Self.facts(.transmitting, unreachableFor: 3600)) == .enterContingency)
        #expect(IssuancePlan.next(Self.facts(.signed, unreachableFor: 7200)) == .enterContingency)
        #expect(IssuancePlan.next(Self.facts(.transmitting, kind: .creditNote, unreachableFor: 7200)) == .askStatus)
        #expect(IssuancePlan.next(Self.facts(.transmitting, kind: .debitNote, unreachableFor: 7200)) == .askStatus)
        #expect(IssuancePlan.next(Self.facts(.transmitting, unreachableFor: 7200, contingencyAfter: nil)) == .askStatus)
        // Once in contingency it keeps transmitting; when DIAN validates it, it is not delivered twice.
        #expect(IssuancePlan.next(Self.facts(.transmitting, contingency: true, delivered: true, unreachableFor: 9000)) == .askStatus)
        #expect(IssuancePlan.next(Self.facts(.archived, contingency: true, delivered: true)) == .finish)
    }

    @Test func retriesBackOffExponentiallyUpToACap() {
        #expect((1...10).map { IssuancePlan.retryDelay(attempt: $0) } == [2, 4, 8, 16, 32, 64, 128, 256, 300, 300])
        #expect(IssuancePlan.retryDelay(attempt: 0) == 2)
        #expect(IssuancePlan.retryDelay(attempt: 1_000) == 300)
    }
}
