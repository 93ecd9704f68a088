package org.zhucan.foodsafety;

/** What an inspector checks; the codes of inspection_item's CHECK constraint (V9). */
public enum InspectionItemCode {
    LICENCES,
    HEALTH_CERTIFICATES,
    RAW_MATERIAL_RECORDS,
    STORAGE,
    PROCESSING,
    TABLEWARE_DISINFECTION,
    SAMPLE_RETENTION,
    PEST_CONTROL,
    ENVIRONMENT_HYGIENE,
    ALLERGEN_AND_ELDERLY_DIET
}
