import DIANClient
import DIANSimulator
import FolioTesting
import Foundation
import Testing

/// Every failure the simulator can inject, and what the client tells its caller about it.
@Suite("DIAN faults and retryability", .serialized)
struct FaultTests {
    func error(_ body: () throws -> Void) -> DIANClientError? {
        do {
            try body()
            return nil
        } catch let error as DIANClientError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test("HTTP 500 and 503 without a Fault are retryable; the next request passes")
    func http5xx() throws {
        let running = try RunningSimulator()
        let client = running.client()
        let package = try AnnexInvoice.zip()
        for (kind, status) in [(SimulatorFault.Kind.http500, 500), (.http503, 503)] {
            running.simulator.inject(SimulatorFault(operation: .getStatus, fault: kind, times: 1))
            let failure = try #require(error { _ = try client.getStatus(trackId: "x") })
            #expect(failure.code == .httpStatus && failure.httpStatus == status && failure.isRetryable, "\(failure)")
        }
        #expect(try client.getStatus(trackId: "x").statusCode == "66")
        // `times` counts: two failures, then success.
        running.simulator.inject(SimulatorFault(operation: .sendBillSync, fault: .http503, times: 2))
        #expect(error { _ = try client.sendBillSync(fileName: package.name, zip: package.zip) }?.isRetryable == true)
        #expect(error { _ = try client.sendBillSync(fileName: package.name, zip: package.zip) }?.isRetryable == true)
        #expect(try client.sendBillSync(fileName: package.name, zip: package.zip).isAccepted)
        #expect(running.simulator.requestCount(.sendBillSync) == 3)
    }

    @Test("'batch en proceso' is a response in progress, and requireAccepted says retry")
    func batchInProcess() throws {
        let running = try RunningSimulator()
        running.simulator.inject(SimulatorFault(operation: .sendBillSync, fault: .batchInProcess))
        let package = try AnnexInvoice.zip()
        let response = try running.client().sendBillSync(fileName: package.name, zip: package.zip)
        #expect(response.isBatchInProgress)
        let failure = try #require(error { try response.requireAccepted(operation: .sendBillSync) })
        #expect(failure.code == .batchInProgress && failure.isRetryable)
    }

    @Test("InvalidSecurity, injected or from the security seam, is a SOAP Fault that is not retryable")
    func invalidSecurity() throws {
        let package = try AnnexInvoice.zip()
        let injected = try RunningSimulator()
        injected.simulator.inject(SimulatorFault(fault: .invalidSecurity))
        let seam = try RunningSimulator(security: UncheckedSecurity(rejectEnvelopes: true))
        for running in [injected, seam] {
            let failure = try #require(error { _ = try running.client().sendBillSync(fileName: package.name, zip: package.zip) })
            #expect(failure.code == .soapFault && !failure.isRetryable, "\(failure)")
            #expect(failure.fault?.code == "Sender")
            #expect(failure.fault?.subcode == "InvalidSecurity")
            #expect(failure.fault?.reason == "An error occurred when verifying security for the message.")
            #expect(failure.httpStatus == 500)
        }
        // Nothing was stored by the refused request.
        #expect(seam.simulator.verdict(for: AnnexInvoice.cufe) == nil)
    }

    @Test("a real timeout: the answer is lost, retryable, and GetStatus returns the stored verdict")
    func timeoutThenGetStatus() throws {
        let running = try RunningSimulator()
        running.simulator.inject(SimulatorFault(operation: .sendBillSync, fault: .timeout, times: 1, delayMs: 3_000))
        let package = try AnnexInvoice.zip()
        let started = ContinuousClock.now
        let failure = try #require(
            error { _ = try running.client(timeout: .milliseconds(700)).sendBillSync(fileName: package.name, zip: package.zip) })
        let elapsed = ContinuousClock.now - started
        #expect(failure.code == .timeout && failure.isRetryable && failure.requestMayHaveArrived, "\(failure)")
        #expect(failure.curlCode == 28)  // CURLE_OPERATION_TIMEDOUT
        #expect(elapsed >= .milliseconds(650) && elapsed < .seconds(2.5), "\(elapsed)")
        // DIAN processed it although the answer never arrived: ask before sending again.
        let status = try running.client().getStatus(trackId: AnnexInvoice.cufe)
        #expect(status.isAccepted && status.documentKey == AnnexInvoice.cufe)
    }

    @Test("slow answers arrive when the client waits long enough")
    func slow() throws {
        let running = try RunningSimulator()
        running.simulator.inject(SimulatorFault(operation: .getNumberingRange, fault: .slow, delayMs: 600))
        let started = ContinuousClock.now
        let answer = try running.client(timeout: .seconds(10)).getNumberingRange(accountCode: "1", accountCodeT: "1", softwareCode: "s")
        #expect(ContinuousClock.now - started >= .milliseconds(550))
        #expect(answer.ranges.count == 1)
    }

    @Test("a server that accepts and never answers times out")
    func unresponsive() throws {
        let server = try UnresponsiveServer()
        let client = DIANClient(
            endpoint: .simulator(port: server.port), security: UncheckedSecurity(), timeout: .milliseconds(500),
            now: { AnnexInvoice.issueDay })
        let failure = try #require(error { _ = try client.getStatus(trackId: "x") })
        #expect(failure.code == .timeout && failure.isRetryable)
    }

    @Test("connection refused is retryable and nothing arrived")
    func refused() throws {
        let port = try freePort()  // nothing listens there
        let client = DIANClient(
            endpoint: .simulator(port: port), security: UncheckedSecurity(), timeout: .seconds(5), now: { AnnexInvoice.issueDay })
        let failure = try #require(error { _ = try client.getStatus(trackId: "x") })
        #expect(failure.code == .connectionFailed && failure.isRetryable && !failure.requestMayHaveArrived, "\(failure)")
        #expect(failure.curlCode == 7)  // CURLE_COULDNT_CONNECT
    }

    @Test("HTTP 404 (wrong service path) is not retryable")
    func notFound() throws {
        let running = try RunningSimulator()
        let client = DIANClient(
            endpoint: DIANEndpoint(url: "http://127.0.0.1:\(running.simulator.port)/Wrong.svc"), security: UncheckedSecurity(),
            timeout: .seconds(5), now: { AnnexInvoice.issueDay })
        let failure = try #require(error { _ = try client.getStatus(trackId: "x") })
        #expect(failure.code == .httpStatus && failure.httpStatus == 404 && !failure.isRetryable)
    }

    @Test("POST /control (sent with the curl CLI) injects faults; bad JSON is a 400")
    func controlEndpoint() throws {
        let running = try RunningSimulator()
        let url = "http://127.0.0.1:\(running.simulator.port)/control"
        let set = try TestProcess.run(
            "curl", ["-s", "-w", "\n%{http_code}", "-X", "POST", "-H", "Content-Type: application/json",
                     "--data", #"{"operation":"GetStatus","fault":"http503","times":1}"#, url])
        #expect(set.stdout.hasSuffix("\n200"), "\(set.stdout)")
        let failure = try #require(error { _ = try running.client().getStatus(trackId: "x") })
        #expect(failure.httpStatus == 503)
        #expect(try running.client().getStatus(trackId: "x").statusCode == "66")
        let bad = try TestProcess.run(
            "curl", ["-s", "-w", "\n%{http_code}", "-X", "POST", "--data", #"{"fault":"meteor"}"#, url])
        #expect(bad.stdout.hasSuffix("\n400") && bad.stdout.contains("invalid_fault"), "\(bad.stdout)")
        // "none" clears.
        running.simulator.inject(SimulatorFault(fault: .http500, times: 5))
        let clear = try TestProcess.run("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--data", #"{"fault":"none"}"#, url])
        #expect(clear.stdout == "200")
        #expect(try running.client().getStatus(trackId: "x").statusCode == "66")
    }
}
