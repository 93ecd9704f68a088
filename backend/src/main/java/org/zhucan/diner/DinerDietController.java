package org.zhucan.diner;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.diet.Allergen;
import org.zhucan.common.diet.DietNeed;
import org.zhucan.security.CurrentUser;

/** A diner's allergies and diet needs: the fields (read with the diner row, no statement of their own) and their mutation. */
@Controller
class DinerDietController {

    private final DinerDietService dietService;

    DinerDietController(DinerDietService dietService) {
        this.dietService = dietService;
    }

    @MutationMapping
    DinerResult setDinerDiet(@Argument SetDinerDietInput input) {
        return dietService.setDiet(input);
    }

    /** In the list's order (enum declaration order); null for a caller whose work never needs health data. */
    @SchemaMapping(typeName = "Diner", field = "allergies")
    List<Allergen> allergies(Diner diner) {
        return DinerDietService.mayRead(CurrentUser.get()) ? diner.allergies().stream().sorted().toList() : null;
    }

    @SchemaMapping(typeName = "Diner", field = "dietNeeds")
    List<DietNeed> dietNeeds(Diner diner) {
        return DinerDietService.mayRead(CurrentUser.get()) ? diner.dietNeeds().stream().sorted().toList() : null;
    }
}
