package cn.fapiao.export.invoicefile;

import cn.fapiao.common.Money;
import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.invoice.api.PartyView;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/**
 * An invoice as XML in the schema {@code urn:fapiao:invoice:1}
 * ({@code src/main/resources/export/invoice-1.xsd}, described in {@code docs/invoice-xml.md}):
 * elements in a fixed order, optional ones left out when empty, amounts with two decimals, rates
 * as fractions, dates ISO. Written with StAX, which escapes all text.
 */
public final class InvoiceXml {

    public static final String NAMESPACE = "urn:fapiao:invoice:1";

    private InvoiceXml() {
    }

    public static byte[] render(InvoiceView invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("invoice");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("generation", invoice.generation().name());
            xml.writeAttribute("direction", invoice.direction().name());
            xml.writeAttribute("status", invoice.status().name());
            optional(xml, "code", invoice.code());
            element(xml, "number", invoice.number());
            xml.writeStartElement("type");
            xml.writeAttribute("code", invoice.type().code());
            xml.writeCharacters(invoice.type().chineseName());
            xml.writeEndElement();
            element(xml, "issueDate", invoice.issueDate().toString());
            optional(xml, "checkCode", invoice.checkCode());
            party(xml, "seller", invoice.seller());
            party(xml, "buyer", invoice.buyer());
            xml.writeStartElement("lines");
            for (InvoiceLineView line : invoice.lines()) {
                xml.writeStartElement("line");
                xml.writeAttribute("no", Integer.toString(line.lineNo()));
                element(xml, "itemName", line.itemName());
                optional(xml, "specification", line.specification());
                optional(xml, "unit", line.unit());
                optional(xml, "quantity", plain(line.quantity()));
                optional(xml, "unitPrice", plain(line.unitPrice()));
                element(xml, "amount", money(line.amount()));
                element(xml, "taxRate", plain(line.taxRate()));
                element(xml, "taxTreatment", line.taxTreatment().name());
                element(xml, "tax", money(line.tax()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            element(xml, "amount", money(invoice.amount()));
            element(xml, "tax", money(invoice.tax()));
            element(xml, "total", money(invoice.total()));
            element(xml, "totalInWords", invoice.getTotalInWords());
            if (invoice.originalInvoiceId() != null) {
                xml.writeStartElement("reverses");
                xml.writeAttribute("invoiceId", invoice.originalInvoiceId());
                if (invoice.redReason() != null) {
                    xml.writeAttribute("reason", invoice.redReason().toString());
                }
                if (invoice.redConfirmationNumber() != null) {
                    xml.writeAttribute("confirmationNumber", invoice.redConfirmationNumber());
                }
                xml.writeEndElement();
            }
            optional(xml, "remark", invoice.remark());
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void party(XMLStreamWriter xml, String name, PartyView party) throws XMLStreamException {
        xml.writeStartElement(name);
        optional(xml, "taxId", party.getTaxId());
        element(xml, "name", party.getName());
        optional(xml, "addressPhone", party.getAddressPhone());
        optional(xml, "bankAccount", party.getBankAccount());
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void optional(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            element(xml, name, value);
        }
    }

    private static String money(Money value) {
        return money(value.value());
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
