import DIANClient
import DIANSimulator
import Dispatch
import FolioApp
import Foundation
import Glibc

/// `folio dian-sim --port P --technical-key K [--fault …]`: Folio's DIAN simulator on
/// `http://ADDRESS:P/WcfDianCustomerServices.svc` (see ``SimulatorOptions`` for every option). Prints
/// `folio dian-sim: listening on http://127.0.0.1:P/WcfDianCustomerServices.svc` once ready; SIGTERM or
/// SIGINT stop it (exit 0).
enum DianSimCommand {
    static func run(_ rest: ArraySlice<String>) throws {
        let options: SimulatorOptions
        do {
            options = try SimulatorOptions(arguments: Array(rest))
        } catch let error as SimulatorOptionsError {
            throw CommandLineArguments.UsageError(description: "dian-sim: \(error)")
        }
        let configuration = SimulatorConfiguration(
            technicalKey: options.technicalKey, softwarePIN: options.softwarePIN, ranges: options.ranges,
            schemasDirectory: options.schemasDirectory ?? FolioResources.locate().schemas, now: { Date() })
        let simulator = try DIANSimulator(
            configuration: configuration, security: try makeSecurity(options), host: options.address, port: options.port)
        if let fault = options.fault { simulator.inject(fault) }
        try simulator.start()
        print(simulator.readyLine)
        fflush(nil)
        waitForTermination()
        simulator.stop()
    }

    /// The WS-Security and XAdES checks and DIAN's signature on ApplicationResponses, over the Signing module.
    /// The simulator signs with `--certificate`/`--key` (PEM) or, by default, with the TEST-ONLY example
    /// certificate in `Examples/certificates/` — it is a test tool, never DIAN.
    static func makeSecurity(_ options: SimulatorOptions) throws -> any SimulatorSecurity {
        switch (options.certificatePath, options.keyPath) {
        case (let certificate?, let key?):
            return try XAdESSimulatorSecurity(signing: .pem(privateKey: key, certificateChain: certificate))
        case (nil, nil):
            let example = FolioResources.locate().root + "/Examples/certificates/folio-demo-TEST-ONLY.p12"
            return try XAdESSimulatorSecurity(signing: .pkcs12(path: example, password: "folio-demo-solo-pruebas"))
        default:
            throw CommandLineArguments.UsageError(description: "dian-sim: --certificate and --key go together")
        }
    }

    /// Blocks until SIGTERM or SIGINT.
    private static func waitForTermination() {
        let done = DispatchSemaphore(value: 0)
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            return source
        }
        done.wait()
        sources.forEach { $0.cancel() }
    }
}
