package cn.fapiao.diagnosis.api;

import org.eclipse.microprofile.graphql.Description;

@Description("How the invoice identity the user typed differs from a near match.")
public enum NearMatchKind {
    @Description("Two neighbouring digits are swapped.")
    ADJACENT_DIGITS_SWAPPED,
    @Description("One digit is wrong.")
    ONE_DIGIT_WRONG,
    @Description("One digit is missing.")
    ONE_DIGIT_MISSING,
    @Description("One digit too many.")
    ONE_DIGIT_EXTRA,
    @Description("The invoice code (发票代码) was typed as the number (发票号码) and the other way round.")
    CODE_AND_NUMBER_SWAPPED
}
