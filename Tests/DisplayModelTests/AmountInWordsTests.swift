import DisplayModel
import DocumentModel
import Testing

@Suite struct AmountInWordsTests {
    @Test(arguments: [
        ("0", "CERO PESOS M/CTE"),
        ("1", "UN PESO M/CTE"),
        ("1.01", "UN PESO CON 01/100 M/CTE"),
        ("2", "DOS PESOS M/CTE"),
        ("16", "DIECISÉIS PESOS M/CTE"),
        ("21", "VEINTIÚN PESOS M/CTE"),
        ("22", "VEINTIDÓS PESOS M/CTE"),
        ("31", "TREINTA Y UN PESOS M/CTE"),
        ("100", "CIEN PESOS M/CTE"),
        ("101", "CIENTO UN PESOS M/CTE"),
        ("115", "CIENTO QUINCE PESOS M/CTE"),
        ("500", "QUINIENTOS PESOS M/CTE"),
        ("716", "SETECIENTOS DIECISÉIS PESOS M/CTE"),
        ("1000", "MIL PESOS M/CTE"),
        ("1001", "MIL UN PESOS M/CTE"),
        ("21000", "VEINTIÚN MIL PESOS M/CTE"),
        ("100000", "CIEN MIL PESOS M/CTE"),
        ("101000", "CIENTO UN MIL PESOS M/CTE"),
        ("1000000", "UN MILLÓN DE PESOS M/CTE"),
        ("1000001", "UN MILLÓN UN PESOS M/CTE"),
        ("2001000.50", "DOS MILLONES MIL PESOS CON 50/100 M/CTE"),
        ("21000000", "VEINTIÚN MILLONES DE PESOS M/CTE"),
        ("31500000", "TREINTA Y UN MILLONES QUINIENTOS MIL PESOS M/CTE"),
        ("5779983.51", "CINCO MILLONES SETECIENTOS SETENTA Y NUEVE MIL NOVECIENTOS OCHENTA Y TRES PESOS CON 51/100 M/CTE"),
        ("1000000000", "MIL MILLONES DE PESOS M/CTE"),
        ("2500000000", "DOS MIL QUINIENTOS MILLONES DE PESOS M/CTE"),
        ("1000000000000", "UN BILLÓN DE PESOS M/CTE"),
        ("1040200", "UN MILLÓN CUARENTA MIL DOSCIENTOS PESOS M/CTE"),
        ("0.999", "UN PESO M/CTE"),
        ("-45.10", "MENOS CUARENTA Y CINCO PESOS CON 10/100 M/CTE"),
    ])
    func pesos(input: String, expected: String) {
        #expect(AmountInWords.spanish(Amount(exactly: input)!) == expected)
    }

    @Test func otherCurrenciesUseTheirUnitAndNoMCTE() {
        #expect(AmountInWords.spanish(Amount(exactly: "1")!, currency: "USD") == "UN DÓLAR")
        #expect(AmountInWords.spanish(Amount(exactly: "21.05")!, currency: "USD") == "VEINTIÚN DÓLARES CON 05/100")
    }
}
