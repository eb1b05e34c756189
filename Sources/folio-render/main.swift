import Foundation
import RenderProcess

// The render worker Folio starts for each drawing slot; see RenderWorkerMain.
exit(RenderWorkerMain.run(Array(CommandLine.arguments.dropFirst())))
