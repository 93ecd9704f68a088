package org.zhucan.settlement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text in an exported sheet is never run by a spreadsheet as a formula. */
class SettlementSheetTests {

    @Test
    void shouldMakeTextThatStartsLikeAFormulaInert() {
        assertThat(SettlementSheet.inert("=HYPERLINK(\"http://evil\",\"点此\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"点此\")");
        assertThat(SettlementSheet.inert("+1+1")).isEqualTo("'+1+1");
        assertThat(SettlementSheet.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(SettlementSheet.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SettlementSheet.inert("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void shouldLeaveOrdinaryTextAsItIs() {
        assertThat(SettlementSheet.inert("孝文街道长者食堂")).isEqualTo("孝文街道长者食堂");
        assertThat(SettlementSheet.inert("")).isEmpty();
        assertThat(SettlementSheet.inert("A=B")).isEqualTo("A=B");
    }
}
