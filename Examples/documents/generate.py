#!/usr/bin/env python3
"""Writes the example ERP documents in this folder (deterministic). Run from Examples/: python3 documents/generate.py"""
import json, random

def buyer_nit(name, nit="860034313", dv="7"):
    return {"id_type": "NIT", "id_number": nit, "dv": dv, "name": name,
            "tax_responsibilities": ["O-13"], "tax_scheme": "01",
            "address": {"line": "Carrera 7 # 71-21, Torre B, Piso 12", "city_code": "05001", "city": "Medellín",
                        "department_code": "05", "department": "Antioquia"},
            "email": "compras@cliente.example", "phone": "604 555 0199"}

def doc(ref, buyer, lines, **kw):
    d = {"reference": ref, "company": "folio-demo", "type": "invoice", "buyer": buyer,
         "payment": {"method": "credit", "means_code": "42", "due_date": "2030-01-15"}, "lines": lines}
    d.update(kw)
    return d

def write(name, d):
    with open(f"documents/{name}", "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
        f.write("\n")

iva19 = [{"tax": "IVA", "rate": "19"}]
write("01-three-lines.json", doc("SAP-4500012345", buyer_nit("Distribuidora Andina S.A.S."), [
    {"code": "P-1001", "description": "Resma papel bond carta 75 g", "quantity": "10", "unit": "94", "unit_price": "18500.00", "taxes": iva19},
    {"code": "P-2040", "description": "Tóner láser negro compatible 85A", "quantity": "2", "unit": "94", "unit_price": "145900.00", "discount": {"percent": "5"}, "taxes": iva19},
    {"code": "S-0007", "description": "Servicio de instalación en sitio", "quantity": "1.5", "unit": "HUR", "unit_price": "80000.00", "taxes": iva19}],
    notes=["Pedido entregado en la bodega principal."], order_reference="OC-2026-0457",
    totals={"line_extension": "582210.00", "tax": "110619.90", "payable": "692829.90"}))

write("02-mixed-iva.json", doc("SIESA-FV-000981", buyer_nit("Supermercados La Canasta Ltda."), [
    {"code": "A-001", "description": "Arroz blanco 5 kg", "quantity": "20", "unit": "94", "unit_price": "21900.00", "taxes": [{"tax": "IVA", "rate": "0"}]},
    {"code": "A-002", "description": "Aceite vegetal 3 L", "quantity": "12", "unit": "94", "unit_price": "32450.50", "taxes": iva19},
    {"code": "A-003", "description": "Café molido 500 g", "quantity": "30", "unit": "94", "unit_price": "15800.00", "taxes": [{"tax": "IVA", "rate": "5"}]},
    {"code": "A-004", "description": "Leche entera UHT 1 L", "quantity": "48", "unit": "94", "unit_price": "4350.00", "taxes": [{"tax": "IVA", "rate": "0"}]},
    {"code": "B-010", "description": "Gaseosa 1,5 L", "quantity": "24", "unit": "94", "unit_price": "5200.00", "taxes": iva19}]))

accented = buyer_nit("Peña & Hijos Ñandú Muñoz S.A.S. — Distribución Ibáñez", "890903938", "8")
accented["address"]["line"] = "Avenida El Poblado # 5A-113, Edificio Cañaveral, Local 104"
write("03-accented-buyer.json", doc("OFIMA-2026-00077", accented, [
    {"code": "C-77", "description": "Corrección de señalización — «Año Nuevo» edición ñandú & cía.", "quantity": "3", "unit": "94", "unit_price": "125000.00", "taxes": iva19},
    {"code": "C-78", "description": "Pequeños ajustes: diseño, tipografía, acentuación (áéíóú ÁÉÍÓÚ üÜ ñÑ ¿? ¡!)", "quantity": "1", "unit": "94", "unit_price": "350000.00", "taxes": iva19}]))

words = ("Mantenimiento preventivo y correctivo de la línea de empaque número tres, que incluye revisión de "
         "rodamientos, cambio de bandas transportadoras, ajuste de sensores ópticos, calibración de básculas, "
         "limpieza profunda de tolvas, lubricación de cadenas, verificación del tablero eléctrico y pruebas de "
         "funcionamiento con producto real durante dos turnos completos;").split()
text, i = "", 0
while len(text) < 2990:
    text += (" " if text else "") + words[i % len(words)]
    i += 1
long = text[:2990].rstrip() + " [FIN]"
long = long + "." * (3000 - len(long))
assert len(long) == 3000
write("04-long-description.json", doc("ORACLE-AR-55120", buyer_nit("Alimentos del Valle S.A."), [
    {"code": "MTTO-3", "description": long, "quantity": "1", "unit": "94", "unit_price": "4850000.00", "taxes": iva19},
    {"code": "REP-1", "description": "Repuestos varios según acta 118", "quantity": "1", "unit": "94", "unit_price": "1240000.00", "taxes": iva19}]))

rnd = random.Random(42)
products = ["Tornillo hexagonal", "Arandela plana", "Tuerca de seguridad", "Cable THHN", "Tubo PVC", "Cinta aislante",
            "Guante de nitrilo", "Casco de seguridad", "Pintura epóxica", "Brocha de cerda"]
lines = []
for n in range(1000):
    lines.append({"code": f"F-{n + 1:04d}", "description": f"{products[n % len(products)]} referencia {rnd.randint(100, 999)}-{n + 1}",
                  "quantity": str(rnd.randint(1, 40)), "unit": "94",
                  "unit_price": f"{rnd.randint(500, 250000)}.{rnd.randint(0, 99):02d}",
                  "taxes": [{"tax": "IVA", "rate": rnd.choice(["19", "19", "5", "0"])}]})
write("05-thousand-lines.json", doc("SAP-4500099999", buyer_nit("Ferretería Industrial del Norte S.A.S."), lines))

write("06-consumidor-final.json", doc("POS-CAJA3-000451", {"final_consumer": True}, [
    {"code": "770123", "description": "Audífonos inalámbricos", "quantity": "1", "unit": "94", "unit_price": "89900.00", "taxes": iva19},
    {"code": "770456", "description": "Cargador USB-C 20 W", "quantity": "2", "unit": "94", "unit_price": "39900.00", "taxes": iva19}],
    payment={"method": "cash", "means_code": "10"}))

# Three pages with Layouts/invoice.xml (72 to 115 such lines do): the sample of `folio bench preview`.
rnd = random.Random(7)
lines = []
for n in range(90):
    lines.append({"code": f"M-{n + 1:03d}", "description": f"{products[n % len(products)]} lote {rnd.randint(100, 999)}-{n + 1}",
                  "quantity": str(rnd.randint(1, 40)), "unit": "94",
                  "unit_price": f"{rnd.randint(500, 250000)}.{rnd.randint(0, 99):02d}",
                  "taxes": [{"tax": "IVA", "rate": rnd.choice(["19", "19", "5", "0"])}]})
write("07-three-pages.json", doc("SAP-4500077777", buyer_nit("Constructora Los Andes S.A.S."), lines,
      order_reference="OC-2026-1190"))
