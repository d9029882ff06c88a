package pindrop.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DisplayedNumberTest {

    @Test
    void generalFormatDropsTrailingZerosAndNeverUsesENotation() {
        assertEquals("3421", DisplayedNumber.of(new BigDecimal("3421.0"), null));
        assertEquals("0", DisplayedNumber.of(new BigDecimal("0.000"), null));
        assertEquals("12000000000000000", DisplayedNumber.of(new BigDecimal("1.2E16"), null));
    }

    @Test
    void zeroPaddingRoundsLikeExcelAndKeepsTheSign() {
        assertEquals("0124", DisplayedNumber.of(new BigDecimal("123.5"), "0000"));
        assertEquals("-0123", DisplayedNumber.of(new BigDecimal("-123"), "0000"));
        assertEquals("7", DisplayedNumber.of(new BigDecimal("7"), "0"));
    }

    @Test
    void otherFormatsShowThePlainValue() {
        assertEquals("1234.5", DisplayedNumber.of(new BigDecimal("1234.5"), "#,##0.00"));
    }

    @Test
    void numberNoSpreadsheetCanHoldIsNotExpanded() {
        assertEquals("1E+999999999", DisplayedNumber.of(new BigDecimal("1E+999999999"), "0000"));
    }
}
