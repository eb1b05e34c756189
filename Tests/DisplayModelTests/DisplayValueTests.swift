import DisplayModel
import Testing

@Suite struct DisplayValueTests {
    @Test func pathLookupAndTruthiness() {
        let value: DisplayValue = ["a": ["b": "x", "empty": "", "on": true, "items": ["1"]]]
        #expect(value[path: "a.b"] == .text("x"))
        #expect(value[path: "a.missing"] == nil)
        #expect(value[path: "a.b.c"] == nil)
        #expect(value[path: "a.empty"]?.isTruthy == false)
        #expect(value[path: "a.b"]?.isTruthy == true)
        #expect(value[path: "a.on"]?.isTruthy == true)
        #expect(value[path: "a.items"]?.isTruthy == true)
        #expect(DisplayValue.list([]).isTruthy == false)
    }

    @Test func readsSampleJSON() throws {
        let json = #"{"title": "FACTURA", "paid": false, "qty": 12.5, "gone": null, "items": [{"d": "Café ñ"}]}"#
        let value = try DisplayValue(json: Array(json.utf8))
        #expect(
            value
                == .record([
                    "title": .text("FACTURA"), "paid": .flag(false), "qty": .text("12.5"),
                    "items": .list([.record(["d": .text("Café ñ")])]),
                ]))
    }

    @Test func schemaListsPathsAndFindsMismatches() {
        let schema = DisplaySchema.record(["a": .text, "rows": .list(.record(["x": .text])), "on": .flag])
        #expect(schema.allPaths == ["a", "on", "rows[].x"])
        let value: DisplayValue = ["a": ["nested": "no"], "rows": [["x": "1"], ["y": "2"]], "extra": "e"]
        #expect(schema.mismatches(in: value) == ["a: expected text, found record", "on: missing", "rows[1].x: missing"])
        #expect(schema.mismatches(in: value, allowExtraFields: false).last == "extra: not in the schema")
    }
}
