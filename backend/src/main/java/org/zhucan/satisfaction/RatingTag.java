package org.zhucan.satisfaction;

/** What a rating says about a meal; mirrors the schema's {@code RatingTag} and the CHECK on meal_rating_tag. */
public enum RatingTag {
    TOO_SALTY,
    TOO_BLAND,
    TOO_OILY,
    TOO_HARD,
    COLD,
    SMALL_PORTION,
    LATE_DELIVERY,
    UNFRIENDLY_SERVICE,
    TASTY,
    FRIENDLY_SERVICE
}
