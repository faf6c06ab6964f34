#include "backend/sim/scenario.hpp"

#include "backend/sim/scenario_builder.hpp"

namespace vd::sim {

const std::vector<std::string>& scenario_names() {
    static const std::vector<std::string> names{"demo", "empty", "small", "large", "hostile"};
    return names;
}

Result<std::vector<PlantedProblem>> build_scenario(World& world, IdSource& ids, Engine& engine, const ScenarioOptions& options) {
    ScenarioBuilder b(world, ids, options.now);
    Result<std::vector<PlantedProblem>> planted = std::vector<PlantedProblem>{};
    if (options.name == "demo") {
        planted = build_demo(b);
    } else if (options.name == "small") {
        planted = build_small(b);
    } else if (options.name == "large") {
        if (options.scale < 1 || options.scale > 10'000'000) {
            return make_error(ErrorKind::InvalidInput, "the large scenario needs --scale N with 1 <= N <= 10000000");
        }
        planted = build_large(b, options.scale);
    } else if (options.name == "hostile") {
        planted = build_hostile(b);
    } else if (options.name == "empty") {
        b.region(world.primary_region);
        b.region("us-west-2");
    } else {
        return make_error(ErrorKind::InvalidInput, "unknown scenario '" + options.name + "' (known: demo, empty, small, large, hostile)");
    }
    if (!planted) return planted;
    b.finish(engine);
    return planted;
}

}  // namespace vd::sim
