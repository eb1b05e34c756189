import DIANClient
import DIANSimulator
import Foundation
import Testing

@Suite("folio dian-sim options")
struct SimulatorOptionsTests {
    @Test("port, key, fault and the default habilitación range")
    func parse() throws {
        let options = try SimulatorOptions(arguments: [
            "--port", "8089", "--technical-key", "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c", "--fault", "timeout",
            "--fault-operation", "SendBillSync", "--fault-times", "2", "--fault-delay-ms", "1500",
        ])
        #expect(options.port == 8089 && options.address == "127.0.0.1")
        #expect(options.fault == SimulatorFault(operation: .sendBillSync, fault: .timeout, times: 2, delayMs: 1500))
        #expect(
            options.ranges == [
                NumberingRange(
                    resolutionNumber: "18760000001", resolutionDate: "2019-01-19", prefix: "SETP", fromNumber: 990_000_000,
                    toNumber: 995_000_000, validDateFrom: "2019-01-19", validDateTo: "2030-01-19",
                    technicalKey: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c")
            ])
    }

    @Test("bad command lines name the option", arguments: [
        (["--technical-key", "k"], "--port"), (["--port", "99999", "--technical-key", "k"], "--port 99999"),
        (["--port", "1"], "--technical-key"), (["--port", "1", "--technical-key", "k", "--fault", "meteor"], "--fault meteor"),
        (["--port", "1", "--technical-key", "k", "--fault-times", "2"], "need --fault"),
        (["--port", "1", "--technical-key", "k", "--range", "SETP,1"], "--range SETP,1"), (["--colour", "x"], "--colour"),
    ])
    func refused(arguments: [String], named: String) {
        #expect {
            try SimulatorOptions(arguments: arguments)
        } throws: { error in
            "\(error)".contains(named)
        }
    }

    @Test("the ready line names the service URL the client uses")
    func readyLine() throws {
        let running = try RunningSimulator()
        let port = running.simulator.port
        #expect(running.simulator.readyLine == "folio dian-sim: listening on http://127.0.0.1:\(port)/WcfDianCustomerServices.svc")
        #expect(running.simulator.endpoint == DIANEndpoint.simulator(port: port))
    }
}
