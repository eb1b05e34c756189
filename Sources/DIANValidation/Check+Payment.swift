import DocumentModel
import Foundation

extension Check {
    mutating func payment() {
        guard let means = document.paymentMeans else { return }
        if !lists.paymentMethods.contains(means.methodID) {
            report("FAN02", "payment method \"\(means.methodID)\" is not 1 (contado) or 2 (crédito)", at: "paymentMeans.methodID")
        }
        if !lists.paymentMeans.contains(means.code) {
            report("FAN03", "\"\(means.code)\" is not a code of DIAN's MediosPago list", at: "paymentMeans.code")
        }
        guard means.isCredit else { return }
        guard let due = means.dueDate ?? document.dueDate else {
            report("FAN04", "a credit sale without a due date", at: "paymentMeans.dueDate")
            return
        }
        if due < document.issueDate {
            report("FAN04", "due \(due), before the issue date \(document.issueDate)", at: "paymentMeans.dueDate")
        }
    }
}
