package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceStatusTest {

    @ParameterizedTest
    @CsvSource({
            "NORMAL, 正常", "VOIDED, 作废", "RED_PARTIAL, 部分红冲", "RED_FULL, 全额红冲",
            "LOST_CONTROL, 失控", "ABNORMAL, 异常",
    })
    void statusesHaveChineseLabels(InvoiceStatus status, String label) {
        assertEquals(label, status.chineseLabel());
    }

    @ParameterizedTest
    @CsvSource({"BLUE, 蓝字", "RED, 红字"})
    void directionsHaveChineseLabels(Direction direction, String label) {
        assertEquals(label, direction.chineseLabel());
    }
}
