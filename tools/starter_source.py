"""Source of the starter library: compact entries, expanded into
``coachdesk/resources/starter_library.json`` by ``python tools/build_starter.py``.

Each entry: name, aliases; then what it does by movement: pattern (``coachdesk.vocab.Pattern``),
primary muscles (the prime movers, main mover first), secondary muscles (assisting and
stabilising), impact (none, low, high) and external load (bodyweight, light_implement,
loaded); then laterality, core plane, phase, plyometric, eccentric, equipment, load type,
and the demonstration notes: setup, three cues, two faults, easier, harder, and why runners
do it. Where ``tools/starter_notes/*.json`` holds longer notes for an exercise, those are
shipped instead of the compact ones here. All text written for CoachDesk.
"""

U, B = "unilateral", "bilateral"
ST, SG, PW = "stability", "strength", "power"

E = []


def ex(name, aliases, pattern, primary, secondary, impact, external_load,
       lat, plane, phase, plyo, ecc, equipment, load,
       setup, cues, faults, easier, harder, why):
    E.append(dict(name=name, aliases=aliases, pattern=pattern, primary_muscles=primary,
                  secondary_muscles=secondary, impact=impact, external_load=external_load,
                  laterality=lat, core_plane=plane, phase=phase, plyometric=plyo, eccentric=ecc,
                  equipment=equipment, load_type=load, setup=setup, cues=cues,
                  faults=faults, easier=easier, harder=harder, why=why))


# --- hamstrings and posterior chain ------------------------------------------------------

ex("Nordic Curl", ["Nordic hamstring curl"],
   "knee_flexion", ["hamstrings"], ["glutes"], "none", "bodyweight",
   B, None, SG, False, True, ["mat"], "bodyweight",
   "Kneel on a pad with a partner or a fixed bar pinning your heels down. Hips open, body in "
   "one line from knees to head.",
   ["Lean forward as slowly as you can, fighting the fall with the backs of your thighs.",
    "Keep the hips extended: the hinge happens at the knee, not the waist.",
    "Catch yourself with your hands and push back up to the start."],
   ["Bending at the hips to shorten the lever.", "Dropping fast through the last third."],
   "Shorten the range and catch yourself earlier, or hold a band anchored in front of you.",
   "Pause halfway down, or hold a light plate against your chest.",
   "Hamstrings are strained most often while they lengthen under load at speed; slow "
   "lowering builds strength exactly there, which matters most for sprinters. Begin with 2-3 "
   "sets of 3-5 slow reps once or twice a week and add reps over the weeks. New lowering work "
   "leaves the hamstrings very sore for two or three days: never do it the day before a key "
   "run.")

ex("Banded Nordic Curl", ["Band-assisted Nordic curl"],
   "knee_flexion", ["hamstrings"], ["glutes"], "none", "light_implement",
   B, None, SG, False, True, ["band", "rack"], "assisted",
   "Tie a band high on a rack in front of you and loop it around your chest under the arms. "
   "Kneel on a pad facing the rack, heels pinned under a loaded bar or by a partner, with the "
   "band already taut.",
   ["Lean forward in one line from knee to shoulder; the band stretches and holds more of "
    "you the lower you go.",
    "Make the lowering last three to five seconds.",
    "Reach the floor under control, then pull back with the hamstrings."],
   ["A band so thick that the hamstrings barely work.", "Piking at the hips near the bottom."],
   "Use a thicker band, or kneel further back or shorten the band so it pulls harder.",
   "Use a thinner band, then progress to the free Nordic Curl.",
   "Gives runners who cannot yet control a full Nordic the same slow eccentric stimulus for "
   "hamstring resilience.")

ex("Glute Ham Raise", ["GHR"],
   "knee_flexion", ["hamstrings", "glutes"], ["calves"], "none", "bodyweight",
   B, None, SG, False, True, ["glute_ham_developer"], "bodyweight",
   "Set the glute ham developer so your knees sit just behind the pad and your feet press "
   "into the footplate with ankles locked in.",
   ["Start upright, lower by letting the knees straighten slowly.",
    "Squeeze the glutes so the hips stay open the whole way.",
    "Drive the toes into the plate to curl back up."],
   ["Folding at the hips instead of lowering from the knees.",
    "Bouncing out of the bottom."],
   "Lower only, and climb back up with your hands.",
   "Hold a plate at your chest or add a pause at horizontal.",
   "Trains hip extension and knee flexion together, the same pairing the hamstrings manage in "
   "late swing before each foot strike.")

ex("Back Extension", ["45-degree back extension", "Hyperextension"],
   "hinge", ["glutes", "hamstrings"], ["back"], "none", "bodyweight",
   B, None, SG, False, False, ["bench", "glute_ham_developer"], "bodyweight",
   "Set the pad just below your hip crease with heels hooked. Cross your arms on your chest.",
   ["Hinge down with a long, neutral spine.",
    "Rise by squeezing the glutes until your body is in one line.",
    "Stop at straight; do not arch past it."],
   ["Swinging up with momentum.", "Over-arching the lower back at the top."],
   "Reduce the range and keep hands by your sides.",
   "Hold a plate or dumbbell at the chest, or pause at the top for three seconds.",
   "A strong posterior chain keeps a runner upright late in long runs, when form usually "
   "fades first.")

ex("Single-Leg Toe Touch", ["Single-leg reach"],
   "hinge", ["glutes", "hamstrings"], ["feet_ankles", "hip_abductors"], "low", "bodyweight",
   U, None, ST, False, False, [], "bodyweight",
   "Stand barefoot on one leg with a soft knee. Spread the toes and press heel, big-toe ball "
   "and little-toe ball evenly into the floor.",
   ["Hinge forward, sending the free leg back as a counterweight.",
    "Reach the opposite hand toward the toes of the standing foot.",
    "Return tall slowly, keeping the hips level."],
   ["Letting the standing knee cave inward.", "Rotating the pelvis open toward the free leg."],
   "Touch a box or chair instead of the floor.",
   "Hold a light kettlebell, or reach to three points around the foot.",
   "Builds the foot and ankle control and hip stability each stance phase needs, with no "
   "load: an ideal first single-leg movement.")

ex("Romanian Deadlift", ["RDL"],
   "hinge", ["hamstrings", "glutes"], ["back"], "low", "loaded",
   B, None, SG, False, False, ["barbell", "dumbbell"], "external",
   "Stand tall holding the weight at your thighs, feet hip-width, knees slightly bent.",
   ["Push the hips back and let the weight slide down the thighs.",
    "Keep the spine long and the lats tight.",
    "Stand up by driving the hips forward once you feel a hamstring stretch."],
   ["Rounding the back to reach lower.", "Turning it into a squat by bending the knees."],
   "Use dumbbells and a shorter range.",
   "Add load, or slow the lowering to four seconds.",
   "Strengthens the hip extensors that push a runner forward and builds hamstring length "
   "under load.")

ex("Single-Leg Romanian Deadlift", ["Single-leg RDL", "SL RDL"],
   "hinge", ["hamstrings", "glutes"], ["hip_abductors", "feet_ankles"], "low", "loaded",
   U, None, SG, False, False, ["dumbbell", "kettlebell"], "external",
   "Stand on one leg holding a weight in the opposite hand, standing knee soft.",
   ["Hinge at the hip while the free leg travels back in line with the body.",
    "Keep both hip bones pointing at the floor.",
    "Drive through the whole foot to return."],
   ["Opening the hips toward the ceiling.", "Losing balance by rushing the descent."],
   "Lightly touch the back toes down, or hold a wall with the free hand.",
   "Use a heavier weight or add a pause at the bottom.",
   "Combines hip strength, hamstring loading and single-leg balance, the stance a runner "
   "repeats thousands of times per run.")

ex("Hamstring Slider Curl", ["Slider leg curl"],
   "knee_flexion", ["hamstrings"], ["glutes"], "none", "light_implement",
   B, None, SG, False, True, ["sliders", "mat"], "bodyweight",
   "Lie on your back with heels on sliders, knees bent, and lift into a bridge.",
   ["Keep the hips high as the heels slide away slowly.",
    "Straighten the legs almost fully without touching down.",
    "Pull the heels back in, driving through them."],
   ["Letting the hips sag as the legs extend.", "Rushing the outward slide."],
   "Lower the hips to the floor between reps, or slide out only.",
   "Do it on one leg.",
   "A low-equipment way to give hamstrings controlled eccentric work between Nordic sessions.")

ex("Glute Bridge", ["Hip bridge"],
   "hinge", ["glutes"], ["hamstrings", "core"], "none", "bodyweight",
   B, None, ST, False, False, ["mat"], "bodyweight",
   "Lie on your back, knees bent, feet flat and hip-width, arms by your sides.",
   ["Brace the trunk, then press through the heels to lift the hips.",
    "Finish with a strong glute squeeze and ribs down.",
    "Lower slowly to just above the floor."],
   ["Arching the back instead of extending the hips.", "Pushing through the toes."],
   "Reduce the range and pause at the top.",
   "Add a mini band above the knees or a weight on the hips.",
   "Teaches runners to finish hip extension with the glutes rather than the lower back.")

ex("Single-Leg Glute Bridge", ["Single-leg hip bridge"],
   "hinge", ["glutes"], ["hamstrings", "core"], "none", "bodyweight",
   U, None, ST, False, False, ["mat"], "bodyweight",
   "Lie on your back with one foot flat and the other knee pulled toward your chest.",
   ["Drive through the heel of the planted foot to lift the hips.",
    "Keep the pelvis level: no dropping on the free side.",
    "Lower under control."],
   ["Hip dipping toward the unsupported side.", "Cramping hamstrings from feet too far away."],
   "Keep the free foot lightly on the floor.",
   "Elevate the working foot on a step or hold at the top for five seconds.",
   "Exposes and fixes side-to-side glute differences that show up as a hip drop in the "
   "running stride.")

ex("Hip Thrust", ["Barbell hip thrust"],
   "hinge", ["glutes"], ["hamstrings", "quads"], "none", "loaded",
   B, None, SG, False, False, ["bench", "barbell"], "external",
   "Sit with your upper back on a bench edge, bar padded across the hips, feet flat.",
   ["Tuck the chin and ribs, then drive the hips up.",
    "Shins vertical at the top.",
    "Lower until the hips are just above the floor."],
   ["Hyperextending the lower back at lockout.", "Feet too close, loading the quads."],
   "Start with bodyweight or a dumbbell.",
   "Increase the load or add a three-second hold at the top.",
   "Builds the glute strength that drives a runner's hips forward and helps keep the knees "
   "from collapsing inward.")

ex("Single-Leg Hip Thrust", [],
   "hinge", ["glutes"], ["hamstrings", "quads", "core"], "none", "bodyweight",
   U, None, SG, False, False, ["bench"], "bodyweight",
   "Set up as for a hip thrust, then lift one foot so the thigh points up.",
   ["Press through the planted heel to full hip extension.",
    "Keep the hips square to the ceiling.",
    "Control the way down."],
   ["Twisting toward the free leg.", "Stopping short of full extension."],
   "Keep both feet down and shift most weight to one.",
   "Hold a dumbbell on the working hip.",
   "Loads one glute at a time, matching the single-leg push of running.")

ex("Stability Ball Hamstring Curl", ["Swiss ball leg curl"],
   "knee_flexion", ["hamstrings"], ["glutes", "core"], "none", "light_implement",
   B, None, ST, False, False, ["stability_ball", "mat"], "bodyweight",
   "Lie on your back with heels on a stability ball, arms out wide for balance.",
   ["Lift the hips so the body forms a straight line.",
    "Roll the ball in with your heels while the hips stay up.",
    "Roll it out slowly."],
   ["Hips sagging as the ball rolls in.", "Arms doing the balancing work."],
   "Hold the bridge and roll only partway.",
   "Curl with one leg on the ball.",
   "Combines hamstring work with trunk control, a gentle step before heavier hamstring "
   "loading.")

ex("Good Morning", [],
   "hinge", ["hamstrings", "glutes"], ["back"], "low", "loaded",
   B, None, SG, False, False, ["barbell"], "external",
   "Rest a light bar on your upper back, feet hip-width, knees soft.",
   ["Push the hips back with a long spine.",
    "Lower until the torso nears horizontal or the hamstrings stop you.",
    "Drive the hips forward to stand."],
   ["Rounding the upper back.", "Using a load heavier than your hinge allows."],
   "Use a dowel or hands behind the head.",
   "Add load slowly or use a slower lowering tempo.",
   "Strengthens the hinge pattern and the back extensors that hold posture over long "
   "distances.")

ex("Kettlebell Swing", ["Russian swing"],
   "hinge", ["glutes", "hamstrings"], ["core", "back"], "low", "loaded",
   B, None, PW, False, False, ["kettlebell"], "external",
   "Stand with the bell a step in front of you, hinge and grip it with both hands.",
   ["Hike the bell back between the thighs like a pass.",
    "Snap the hips forward so the bell floats to chest height.",
    "Let it fall and hinge to meet it."],
   ["Squatting the bell instead of hinging.", "Lifting it with the arms."],
   "Practise the hike and a few single swings with a light bell.",
   "Use a heavier bell or switch to one-arm swings.",
   "Trains fast, forceful hip extension: power for the push-off without the landings of "
   "jump training.")

ex("Frog Pump", [],
   "hinge", ["glutes"], [], "none", "bodyweight",
   B, None, ST, False, False, ["mat"], "bodyweight",
   "Lie on your back with the soles of your feet together and knees falling out.",
   ["Keep the soles together, let the knees fall open and tuck the pelvis slightly.",
    "Lift the hips with a strong glute squeeze.",
    "Pulse at a steady pace without arching."],
   ["Pushing the ribs up instead of the hips.", "Letting the feet separate."],
   "Do fewer reps with a pause at the top.",
   "Place a light dumbbell on the hips.",
   "A simple high-rep glute activation before runs or lifting sessions.")

# --- knees, quads, single-leg strength -----------------------------------------------------

ex("ATG Split Squat", ["KOT Split Squat", "Knees-over-toes split squat"],
   "lunge", ["quads", "glutes"], ["hip_adductors", "hip_flexors"], "low", "bodyweight",
   U, None, SG, False, False, [], "bodyweight",
   "Take a long split stance, front foot flat, back knee lowering toward the floor.",
   ["Let the front knee travel well past the toes while the heel stays down.",
    "Sink until the back of the front thigh meets the calf, as far as comfort allows.",
    "Drive up through the whole front foot."],
   ["Lifting the front heel.", "Leaning the torso far forward to avoid knee travel."],
   "Put the front foot on a small step and hold a support.",
   "Hold dumbbells or slow the descent to four seconds.",
   "Building strength with the knee far over the toe prepares the joint for the loads of "
   "downhill running and can make knees more robust over time.")

ex("Stationary Lunge", ["Split squat"],
   "lunge", ["quads", "glutes"], ["hamstrings", "hip_adductors"], "low", "bodyweight",
   U, None, ST, False, False, [], "bodyweight",
   "Stand in a split stance, feet hip-width apart side to side, torso tall.",
   ["Lower straight down until both knees are near right angles.",
    "Keep the back leg active, heel lifted.",
    "Stand back up through the front foot."],
   ["Feet on a tightrope, making balance hard.", "Front knee collapsing inward."],
   "Shorten the depth and hold a wall.",
   "Hold dumbbells, or add a pause at the bottom.",
   "One leg leads while the other stabilises from behind, much like the stance and "
   "trailing legs in running.")

ex("Lateral Step-Down", ["Side step-down"],
   "step", ["quads", "glutes"], ["hip_abductors", "feet_ankles"], "low", "bodyweight",
   U, None, ST, False, True, ["box", "step"], "bodyweight",
   "Stand side-on at the edge of a low box on one leg, the other foot hanging beside it.",
   ["Bend the standing knee and lower the free heel toward the floor slowly.",
    "Tap as lightly as possible, with no push-off from the bottom foot.",
    "Keep the standing knee tracking over the middle toes."],
   ["Dropping the last few centimetres.", "Hip hiking or knee caving on the standing side."],
   "Use a lower box and tap with the toes.",
   "Raise the box, tap only the heel, or hold a light weight.",
   "Trains the slow, controlled knee bend that absorbs each landing, together with hip and "
   "ankle stability.")

ex("Lateral Step-Up", ["Side step-up"],
   "step", ["quads", "glutes"], ["hip_abductors"], "low", "bodyweight",
   U, None, SG, False, False, ["box", "step"], "bodyweight",
   "Stand beside a box and place the near foot fully on top.",
   ["Drive through the top foot to stand tall on the box.",
    "Keep the knee over the foot and the pelvis level.",
    "Lower the free foot back down with control."],
   ["Pushing off the floor foot.", "Letting the hip drop on the free side."],
   "Use a lower box.",
   "Hold dumbbells or raise the box.",
   "Strengthens the outer hip and quads in the frontal plane, where many runners are "
   "weakest.")

ex("Bulgarian Split Squat", ["Rear-foot-elevated split squat", "RFESS"],
   "lunge", ["quads", "glutes"], ["hamstrings", "hip_adductors"], "low", "loaded",
   U, None, SG, False, False, ["bench", "dumbbell"], "external",
   "Rest the top of the back foot on a bench and step the front foot out.",
   ["Lower straight down with most weight on the front leg.",
    "Keep the front knee tracking over the toes.",
    "Push through the whole front foot to rise."],
   ["A stance so short the front heel lifts.", "Bouncing off the back foot."],
   "Do it bodyweight with a hand on a support.",
   "Hold heavier dumbbells or slow the lowering.",
   "One of the best loaded single-leg lifts for the quads and glutes that propel a runner.")

ex("Reverse Lunge", [],
   "lunge", ["quads", "glutes"], ["hamstrings", "hip_adductors"], "low", "loaded",
   U, None, SG, False, False, ["dumbbell"], "external",
   "Stand tall holding dumbbells at your sides.",
   ["Step one foot back and lower the back knee toward the floor.",
    "Keep the weight on the front foot.",
    "Drive through the front heel to return to standing."],
   ["Stepping back too short.", "Torso tipping forward."],
   "Use no weights and a shorter range.",
   "Step back from a low step for more depth.",
   "Easier on the knees than forward lunges while still training single-leg strength and "
   "balance.")

ex("Walking Lunge", [],
   "lunge", ["quads", "glutes"], ["hamstrings", "hip_adductors"], "low", "loaded",
   U, None, SG, False, False, ["dumbbell"], "external",
   "Stand tall with space in front of you, weights at your sides if used.",
   ["Step forward and lower until both knees bend to about right angles.",
    "Push through the front foot and bring the back foot through.",
    "Keep a steady rhythm and a tall trunk."],
   ["Short, choppy steps.", "Knee diving inward on landing."],
   "Pause between steps and use no weights.",
   "Carry heavier dumbbells or add a twist toward the front leg.",
   "Adds travel to single-leg strength, so each step blends landing, control and drive like "
   "a stride.")

ex("Forward Step-Up", ["Step-up"],
   "step", ["quads", "glutes"], ["hamstrings"], "low", "loaded",
   U, None, SG, False, False, ["box", "dumbbell"], "external",
   "Face a box about knee height with one foot fully on top.",
   ["Lean in slightly and drive up through the top foot.",
    "Stand tall at the top without pushing off the bottom leg.",
    "Step down slowly."],
   ["Springing off the floor foot.", "Knee wobbling over the box."],
   "Use a lower box.",
   "Hold dumbbells or add a knee drive at the top.",
   "Mimics climbing and the push-off phase, building hill strength.")

ex("Goblet Squat", [],
   "squat", ["quads", "glutes"], ["hip_adductors", "core"], "low", "loaded",
   B, None, SG, False, False, ["kettlebell", "dumbbell"], "external",
   "Hold a kettlebell at your chest, feet a little wider than hips.",
   ["Sit down between the heels with the chest up.",
    "Knees follow the direction of the toes.",
    "Stand by pushing the floor away."],
   ["Heels lifting.", "Knees caving as you rise."],
   "Squat to a box.",
   "Use a heavier bell or add a pause at the bottom.",
   "A simple loaded squat that builds general leg strength and teaches good squat mechanics.")

ex("Wall Sit", ["Wall squat hold"],
   "squat", ["quads"], ["glutes"], "low", "bodyweight",
   B, None, ST, False, False, ["wall"], "bodyweight",
   "Slide down a wall to a depth you can hold without pain, no lower than thighs level with "
   "the floor, feet hip-width.",
   ["Press the lower back gently into the wall.",
    "Keep weight through the heels.",
    "Breathe steadily through the hold."],
   ["Knees drifting inward.", "Holding the breath."],
   "Sit higher on the wall.",
   "Hold longer, lift one foot, or rest a plate on the thighs.",
   "Builds quad endurance with no impact. With sore knees, hold a shallower, pain-free angle: "
   "the deeper the knee bend, the harder the kneecap presses on the thigh bone.")

ex("Spanish Squat", [],
   "squat", ["quads"], ["glutes"], "low", "light_implement",
   B, None, ST, False, False, ["band", "rack"], "band",
   "Loop a heavy band behind both knees and anchor it to a rack in front of you. Step back "
   "until it is taut.",
   ["Sit back with shins vertical, the band holding the knees.",
    "Keep the torso upright.",
    "Hold or pulse in the bottom position."],
   ["Letting the knees slide forward so the shins tilt.", "Leaning the trunk forward."],
   "Hold a shallower squat.",
   "Go deeper or hold a weight at the chest.",
   "Deliberately loads the quads and patellar tendon in a steady hold most sore knees "
   "tolerate; long isometric holds are a common way to keep a painful knee loaded.")

ex("Single-Leg Box Squat", ["Pistol to box"],
   "squat", ["quads", "glutes"], ["hip_abductors", "feet_ankles"], "low", "bodyweight",
   U, None, SG, False, False, ["box"], "bodyweight",
   "Stand on one leg in front of a box with the free leg held forward.",
   ["Sit back slowly until you touch the box.",
    "Keep the knee over the middle of the foot.",
    "Stand without rocking."],
   ["Collapsing onto the box.", "Knee caving inward."],
   "Use a higher box and hold a support.",
   "Use a lower box or hold a light weight forward.",
   "Demands single-leg strength and control through a deep knee bend, useful on hills.")

ex("Poliquin Step-Up", ["Petersen step-up"],
   "step", ["quads"], ["feet_ankles"], "low", "bodyweight",
   U, None, ST, False, False, ["step"], "bodyweight",
   "Stand on a low step with the heel of the working foot raised on a small plate.",
   ["Let the knee travel forward over the toes as the other heel lowers.",
    "Straighten the working knee fully to lift the body.",
    "Move slowly through short range."],
   ["Pushing with the hanging leg.", "Hips swaying sideways."],
   "Use a lower step.",
   "Add a weight or slow the lowering.",
   "Loads the quads with the knee travelling well past the toes and finishing in full "
   "extension, with little weight: knee strength for hills and stairs.")

ex("Front-Foot-Elevated Split Squat", ["Deficit split squat"],
   "lunge", ["quads", "glutes"], ["hamstrings", "hip_adductors"], "low", "loaded",
   U, None, SG, False, False, ["step", "dumbbell"], "external",
   "Stand in a split stance with the front foot on a low step.",
   ["Lower deep, letting the back knee drop below step height.",
    "Keep the front foot flat.",
    "Drive up through the front leg."],
   ["Front heel lifting.", "Shortened range."],
   "Use no weight and hold a support.",
   "Add dumbbells or raise the step.",
   "Extra range builds strength where the hip and knee are most stretched in the stride.")

ex("Skater Squat", [],
   "squat", ["quads", "glutes"], ["hip_abductors", "feet_ankles"], "low", "bodyweight",
   U, None, SG, False, False, ["mat"], "bodyweight",
   "Stand on one leg, the free knee bent so the foot is behind you.",
   ["Lower the back knee toward a pad behind the standing heel.",
    "Lean slightly forward with arms reaching out.",
    "Drive back up through the standing foot."],
   ["Dropping onto the pad.", "Pushing off the back toes."],
   "Use a thick pad or step so the range is short.",
   "Hold light dumbbells forward.",
   "A demanding single-leg squat that builds control of the knee and hip.")

ex("Cossack Squat", [],
   "squat", ["quads", "glutes", "hip_adductors"], [], "low", "bodyweight",
   U, None, ST, False, False, [], "bodyweight",
   "Stand in a wide stance with toes slightly out.",
   ["Shift to one side and sit deep into that hip.",
    "Keep the other leg straight with toes lifting.",
    "Push back through the middle and switch sides."],
   ["Rounding the back to get lower.", "Bent knee drifting inward."],
   "Reduce the depth and hold a support.",
   "Hold a kettlebell at the chest.",
   "Strengthens the adductors and side-to-side hip control that straight-ahead running "
   "neglects.")

# --- lower legs, feet, hips ----------------------------------------------------------------

ex("Single-Leg Balance", ["Single-leg stance"],
   "single_leg_stance", ["feet_ankles"], ["hip_abductors"], "low", "bodyweight",
   U, None, ST, False, False, [], "bodyweight",
   "Stand barefoot on one leg near a wall, knee soft, eyes forward.",
   ["Keep the toes long and spread, weight shared by heel, big-toe ball and little-toe ball.",
    "Keep the pelvis level and the trunk tall.",
    "Hold, then switch legs."],
   ["Locking the standing knee.", "Hip sinking outward."],
   "Hover a hand near the wall.",
   "Close your eyes or turn your head side to side.",
   "Strengthens the small muscles of the foot and the tissue around the ankle; the first "
   "step for any runner returning from an ankle sprain.")

ex("Calf Raise", ["Standing calf raise"],
   "calf_ankle", ["calves"], ["feet_ankles"], "low", "loaded",
   B, None, SG, False, False, ["step", "dumbbell"], "external",
   "Stand with the balls of both feet on a step, heels hanging.",
   ["Rise as high as you can onto the big toes.",
    "Pause at the top.",
    "Lower slowly until the heels dip below the step."],
   ["Bouncing through the bottom.", "Rolling out to the little toes."],
   "Do it on flat ground.",
   "Hold dumbbells or slow the lowering to four seconds.",
   "Calves absorb and return a large share of the force at every step; strong calves help "
   "protect the shins and Achilles.")

ex("Tibialis Raise", ["Tib raise"],
   "calf_ankle", ["tibialis"], ["feet_ankles"], "low", "bodyweight",
   B, None, ST, False, False, ["wall", "slant_board"], "bodyweight",
   "Lean your back against a wall with heels a foot length away.",
   ["Lift the toes and forefoot as high as possible.",
    "Pause at the top.",
    "Lower slowly without slapping the feet down."],
   ["Stepping too close to the wall, which makes it too easy.", "Rushing the lowering."],
   "Stand closer to the wall.",
   "Move the feet further out or use a tib bar with weight.",
   "Strengthens the muscle at the front of the shin, one part of a plan against shin "
   "splints.")

ex("Single-Leg Calf Raise", [],
   "calf_ankle", ["calves"], ["feet_ankles"], "low", "bodyweight",
   U, None, SG, False, False, ["step"], "bodyweight",
   "Stand on one foot on a step with a hand on a wall for balance.",
   ["Rise straight up over the big toe.",
    "Hold the top for a second.",
    "Lower all the way below the step."],
   ["Knee bending to help.", "Ankle rolling outward."],
   "Do it with both feet.",
   "Hold a dumbbell in the free hand.",
   "Each calf carries the whole body in running; training them one at a time matches that "
   "load.")

ex("Bent-Knee Soleus Raise", ["Seated calf raise"],
   "calf_ankle", ["calves"], [], "none", "loaded",
   B, None, SG, False, False, ["bench", "dumbbell"], "external",
   "Sit with the balls of the feet on a plate, knees over ankles, weight on the thighs.",
   ["Push up onto the toes.",
    "Pause at the top.",
    "Lower under control."],
   ["Bouncing the weight.", "Too little range."],
   "Do it without weight.",
   "Add weight or do one leg at a time.",
   "Works the soleus, which takes much of the load at each foot strike on long runs.")

ex("Eccentric Calf Lower", ["Heel drop"],
   "calf_ankle", ["calves"], ["feet_ankles"], "low", "bodyweight",
   U, None, ST, False, True, ["step"], "bodyweight",
   "Stand on a step on both feet, then shift to one foot at the top.",
   ["Lower on one leg for a slow count of four.",
    "Let the heel sink below the step.",
    "Return to the top on both feet."],
   ["Dropping quickly.", "Letting the ankle roll out."],
   "Lower on both feet.",
   "Hold a dumbbell or add a pause at the bottom.",
   "Slow lowering loads the calf and Achilles tendon, building tolerance for mileage.")

ex("Short Foot", ["Foot doming"],
   "foot", ["feet_ankles"], [], "low", "bodyweight",
   B, None, ST, False, False, [], "bodyweight",
   "Sit or stand barefoot with the foot flat.",
   ["Draw the ball of the foot toward the heel, lifting the arch.",
    "Keep the toes long and relaxed.",
    "Hold, then relax slowly."],
   ["Curling the toes.", "Rolling to the outside of the foot."],
   "Practise seated.",
   "Do it standing on one leg.",
   "Wakes up the foot's own muscles, which cushioned shoes tend to leave idle.")

ex("Toe Yoga", [],
   "foot", ["feet_ankles"], [], "low", "bodyweight",
   B, None, ST, False, False, [], "bodyweight",
   "Stand barefoot with the feet flat.",
   ["Lift the big toe while the small toes stay down.",
    "Switch: press the big toe down and lift the small toes.",
    "Move slowly and deliberately."],
   ["Rolling the ankle to help.", "Moving the whole foot."],
   "Use your hand to guide the toes.",
   "Do it standing on one leg.",
   "Improves control of the toes, which help balance and push-off.")

ex("Heel Walk", [],
   "calf_ankle", ["tibialis"], ["feet_ankles"], "low", "bodyweight",
   B, None, ST, False, False, [], "bodyweight",
   "Stand tall and lift the front of both feet.",
   ["Walk on your heels with the toes lifted high.",
    "Keep short steps and a tall posture.",
    "Walk for the set distance."],
   ["Sitting the hips back.", "Letting the toes drop."],
   "Walk shorter distances.",
   "Walk longer or hold light weights.",
   "A simple way to strengthen the front of the shin, part of shin splint prevention.")

ex("Single-Leg Balance on Foam Pad", ["Foam pad balance"],
   "single_leg_stance", ["feet_ankles"], ["hip_abductors"], "low", "bodyweight",
   U, None, ST, False, False, ["foam_pad"], "bodyweight",
   "Stand on one leg on a foam pad near a wall.",
   ["Keep the knee soft and the pelvis level.",
    "Let the foot make small corrections.",
    "Hold steady, then switch legs."],
   ["Locking the knee.", "Grabbing the wall too soon."],
   "Stand on the floor instead of the pad.",
   "Close your eyes or catch a ball.",
   "An unstable surface makes the ankle work harder, useful after a sprain.")

ex("Side-Lying Hip Abduction", ["Side leg raise"],
   "hip_abduction", ["hip_abductors"], ["glutes"], "none", "bodyweight",
   U, None, ST, False, False, ["mat"], "bodyweight",
   "Lie on your side with legs stacked and the bottom knee bent.",
   ["Lift the top leg slightly behind the body line.",
    "Lead with the heel, toes pointing forward.",
    "Lower slowly."],
   ["Rolling the hips back.", "Lifting the leg forward."],
   "Reduce the range.",
   "Add an ankle weight or a mini band.",
   "Weak hip abductors are linked with IT band syndrome and shin pain; this targets them "
   "directly.")

ex("Banded Lateral Walk", ["Monster walk", "Band walk"],
   "hip_abduction", ["hip_abductors"], ["glutes", "quads"], "low", "light_implement",
   B, None, ST, False, False, ["mini_band"], "band",
   "Place a mini band above the knees or around the ankles and bend into a quarter squat.",
   ["Step sideways with tension on the band.",
    "Keep feet pointing forward.",
    "Stay low and level."],
   ["Feet snapping together.", "Rocking the torso side to side."],
   "Use a lighter band.",
   "Move the band to the feet or use a heavier band.",
   "Strengthens the hip stabilisers that keep the pelvis level in single-leg stance.")

ex("Clamshell", [],
   "hip_abduction", ["hip_abductors"], ["glutes"], "none", "light_implement",
   U, None, ST, False, False, ["mini_band", "mat"], "band",
   "Lie on your side with knees bent and a band above the knees.",
   ["Keep feet together and lift the top knee.",
    "Keep the pelvis still.",
    "Lower slowly."],
   ["Rolling the hips back.", "Letting the feet separate."],
   "Do it without the band.",
   "Use a heavier band or add a pause.",
   "Targets the hip rotators that control knee alignment, helpful for knee pain.")

ex("Side Plank with Leg Lift", [],
   "anti_lateral_flexion", ["core", "hip_abductors"], ["glutes", "shoulders"], "none", "bodyweight",
   U, "anti_lateral_flexion", ST, False, False, ["mat"], "bodyweight",
   "Set up in a side plank on the forearm with legs straight.",
   ["Lift the top leg and hold.",
    "Keep the hips up.",
    "Lower with control."],
   ["Hips dropping.", "Rotating forward."],
   "Bend the bottom knee.",
   "Add an ankle weight.",
   "Combines trunk stability with hip abductor strength.")

ex("Copenhagen Plank", ["Copenhagen adductor plank"],
   "anti_lateral_flexion", ["hip_adductors", "core"], ["shoulders"], "none", "bodyweight",
   U, "anti_lateral_flexion", SG, False, False, ["bench"], "bodyweight",
   "Lie on your side with the top leg on a bench.",
   ["Lift the hips into a side plank.",
    "Hold the body in line.",
    "Breathe steadily."],
   ["Hips sagging.", "Neck strained."],
   "Support the knee on the bench.",
   "Extend the leg further.",
   "Builds adductor strength for groin and knee stability.")

ex("Adductor Squeeze", ["Ball squeeze"],
   "hip_adduction", ["hip_adductors"], [], "none", "light_implement",
   B, None, ST, False, False, ["medicine_ball"], "bodyweight",
   "Lie on your back with knees bent and a ball between the knees.",
   ["Squeeze the ball firmly.",
    "Hold for a few seconds.",
    "Release slowly."],
   ["Holding the breath.", "Lifting the hips."],
   "Squeeze gently.",
   "Squeeze harder or longer.",
   "Gentle adductor activation for groin health.")

ex("Standing Banded Hip Abduction", [],
   "hip_abduction", ["hip_abductors"], ["glutes", "feet_ankles"], "low", "light_implement",
   U, None, ST, False, False, ["band"], "band",
   "Stand on one leg with a band around both ankles.",
   ["Push the free leg out to the side.",
    "Keep the pelvis level.",
    "Return slowly."],
   ["Leaning the torso.", "Turning the foot out."],
   "Hold onto a support.",
   "Use a stronger band.",
   "Works both the moving and standing hip, like running.")

ex("Banded Hip Flexor March", ["Band march"],
   "anti_extension", ["hip_flexors", "core"], [], "none", "light_implement",
   U, "anti_extension", ST, False, False, ["mini_band"], "band",
   "Lie on your back with a band around the feet, hips and knees bent.",
   ["Drive one knee toward the chest against the band.",
    "Keep the other leg still.",
    "Alternate sides slowly."],
   ["Lower back arching.", "Rushing."],
   "Use a lighter band.",
   "Do it standing.",
   "Strengthens the hip flexors that lift the knee in each stride.")

# --- core ----------------------------------------------------------------------------------

ex("Front Plank", ["Plank"],
   "anti_extension", ["core"], ["shoulders", "glutes"], "none", "bodyweight",
   B, "anti_extension", ST, False, False, ["mat"], "bodyweight",
   "Rest on your forearms and toes, elbows under shoulders.",
   ["Squeeze the glutes and pull the ribs down.",
    "Make one straight line from head to heels.",
    "Breathe slowly through the hold."],
   ["Hips sagging toward the floor.", "Hips piked high."],
   "Drop to the knees.",
   "Lift one foot, or reach one arm forward.",
   "Teaches the trunk to resist arching, which keeps posture tall late in a run.")

ex("Dead Bug", [],
   "anti_extension", ["core"], ["hip_flexors"], "none", "bodyweight",
   B, "anti_extension", ST, False, False, ["mat"], "bodyweight",
   "Lie on your back with arms up and hips and knees bent to right angles.",
   ["Press the lower back gently into the floor.",
    "Reach one arm and the opposite leg away slowly.",
    "Return and switch sides."],
   ["Lower back lifting.", "Moving fast."],
   "Move only the legs.",
   "Hold a light weight or use a band.",
   "Coordinates opposite arm and leg over a stable trunk, as in the running action.")

ex("Ab Wheel Rollout", ["Rollout"],
   "anti_extension", ["core"], ["shoulders", "back"], "none", "light_implement",
   B, "anti_extension", SG, False, False, ["ab_wheel", "mat"], "bodyweight",
   "Kneel on a pad holding an ab wheel under your shoulders.",
   ["Roll forward while keeping the ribs down.",
    "Go only as far as the back stays neutral.",
    "Pull back using the trunk."],
   ["Letting the back sag.", "Hips leading the return."],
   "Roll toward a wall to limit range.",
   "Roll out further or from the feet.",
   "A strong anti-extension challenge for runners who have mastered planks.")

ex("Pallof Press", ["Anti-rotation press"],
   "anti_rotation", ["core"], ["shoulders"], "low", "light_implement",
   B, "anti_rotation", SG, False, False, ["cable", "band"], "band",
   "Stand side-on to a band or cable at chest height, holding the handle at your chest.",
   ["Press the handle straight out.",
    "Resist the pull toward the anchor.",
    "Return slowly."],
   ["Twisting toward the anchor.", "Shrugging."],
   "Stand closer to the anchor.",
   "Step further away or kneel on one knee.",
   "Trains the trunk to resist twisting as the arms and legs swing.")

ex("Bird Dog", [],
   "anti_rotation", ["core"], ["glutes", "back", "shoulders"], "none", "bodyweight",
   U, "anti_rotation", ST, False, False, ["mat"], "bodyweight",
   "Start on hands and knees, hands under shoulders.",
   ["Reach one arm forward and the opposite leg back.",
    "Keep the hips level.",
    "Return and switch."],
   ["Rotating the hips.", "Over-arching."],
   "Move only the leg.",
   "Add a pause or a band.",
   "Gentle trunk control work suited to the stability stage.")

ex("Side Plank", [],
   "anti_lateral_flexion", ["core"], ["hip_abductors", "shoulders"], "none", "bodyweight",
   U, "anti_lateral_flexion", ST, False, False, ["mat"], "bodyweight",
   "Lie on your side on one forearm, legs stacked.",
   ["Lift the hips into a straight line.",
    "Keep the top hip stacked.",
    "Hold and breathe."],
   ["Hips sagging.", "Rolling forward."],
   "Bend the knees.",
   "Lift the top leg or add a reach.",
   "Resists side bending, stabilizing the pelvis in single-leg stance.")

ex("Suitcase Carry", [],
   "carry", ["core"], ["back", "arms"], "low", "loaded",
   U, "anti_lateral_flexion", SG, False, False, ["kettlebell", "dumbbell"], "external",
   "Hold a heavy weight in one hand at your side.",
   ["Walk tall without leaning.",
    "Keep shoulders level.",
    "Walk with steady steps."],
   ["Leaning away from the weight.", "Shrugging."],
   "Use a lighter weight.",
   "Use a heavier weight or walk further.",
   "Trains the trunk to stay upright under a one-sided load.")

ex("Offset Farmer Carry", [],
   "carry", ["core"], ["back", "arms"], "low", "loaded",
   U, "anti_lateral_flexion", SG, False, False, ["kettlebell"], "external",
   "Hold a heavier weight in one hand and a lighter one in the other.",
   ["Walk tall.",
    "Keep shoulders level.",
    "Breathe steadily."],
   ["Leaning.", "Short shuffling steps."],
   "Use even weights.",
   "Increase the difference.",
   "Builds trunk control while walking, close to running posture.")

ex("Hanging Knee Raise", [],
   "trunk_flexion", ["core"], ["hip_flexors", "arms"], "none", "bodyweight",
   B, "flexion", SG, False, False, ["pull_up_bar"], "bodyweight",
   "Hang from a bar with straight arms.",
   ["Lift the knees toward the chest.",
    "Curl the pelvis up.",
    "Lower slowly."],
   ["Swinging.", "Using momentum."],
   "Do it lying on the floor.",
   "Lift straight legs.",
   "Strengthens hip flexors and abdominals for knee drive.")

# --- upper body ----------------------------------------------------------------------------

ex("Push-Up", ["Press-up"],
   "upper_push", ["chest", "shoulders", "arms"], ["core"], "none", "bodyweight",
   B, None, SG, False, False, [], "bodyweight",
   "Hands under shoulders, body in a straight line.",
   ["Lower the chest toward the floor.",
    "Keep elbows at about 45 degrees.",
    "Press back up."],
   ["Hips sagging.", "Flared elbows."],
   "Do it with hands on a bench.",
   "Elevate the feet or add a pause.",
   "Balanced upper-body strength supports arm swing and posture.")

ex("Inverted Row", ["Body row"],
   "upper_pull", ["back", "arms"], ["core"], "none", "bodyweight",
   B, None, SG, False, False, ["rack", "barbell"], "bodyweight",
   "Hang under a bar set at waist height, body straight.",
   ["Pull the chest to the bar.",
    "Squeeze the shoulder blades.",
    "Lower slowly."],
   ["Hips sagging.", "Shrugging."],
   "Raise the bar.",
   "Lower the bar or elevate the feet.",
   "Strengthens the upper back for upright running posture.")

ex("Single-Arm Dumbbell Row", ["One-arm row"],
   "upper_pull", ["back", "arms"], ["core"], "none", "loaded",
   U, None, SG, False, False, ["bench", "dumbbell"], "external",
   "Support one hand and knee on a bench, weight in the other hand.",
   ["Pull the elbow toward the hip.",
    "Keep the trunk still.",
    "Lower slowly."],
   ["Twisting.", "Jerking the weight."],
   "Use a lighter weight.",
   "Use a heavier weight.",
   "Balances the pulling muscles and challenges anti-rotation control.")

ex("Half-Kneeling Overhead Press", [],
   "upper_push", ["shoulders", "arms"], ["core"], "none", "loaded",
   U, None, SG, False, False, ["dumbbell"], "external",
   "Kneel on one knee with a dumbbell at the shoulder of the down-knee side.",
   ["Press the weight overhead.",
    "Keep the ribs down.",
    "Lower under control."],
   ["Arching the back.", "Leaning."],
   "Use a lighter weight.",
   "Use a heavier weight.",
   "Builds shoulder strength with hip and trunk stability.")

ex("Chin-Up", [],
   "upper_pull", ["back", "arms"], ["shoulders"], "none", "bodyweight",
   B, None, SG, False, False, ["pull_up_bar"], "bodyweight",
   "Hang from a bar with palms facing you.",
   ["Pull the chin over the bar.",
    "Keep the legs still.",
    "Lower fully."],
   ["Kipping.", "Half range."],
   "Use a band for help.",
   "Add weight.",
   "Builds pulling strength and upper-body balance.")

# --- plyometrics and power -----------------------------------------------------------------

ex("Pogo Hops", ["Ankle hops"],
   "jump", ["calves"], ["feet_ankles"], "high", "bodyweight",
   B, None, PW, True, False, [], "bodyweight",
   "Stand tall with feet hip-width apart.",
   ["Bounce off the balls of the feet with stiff ankles.",
    "Keep ground contact short.",
    "Stay tall and relaxed."],
   ["Bending the knees a lot.", "Landing on the heels."],
   "Quick two-foot calf raises without leaving the floor, then single hops with a reset "
   "between each.",
   "Hop higher or on one leg.",
   "Trains the springy ankle stiffness that makes running economical.")

ex("A-Skips", ["A-skip"],
   "running_drill", ["hip_flexors", "calves"], ["feet_ankles", "glutes"], "low", "bodyweight",
   U, None, SG, False, False, [], "bodyweight",
   "Stand tall with space in front of you.",
   ["Drive one knee up while skipping off the other foot.",
    "Land under the hips.",
    "Swing the arms in rhythm."],
   ["Leaning back.", "Landing with a heavy heel."],
   "March instead of skipping.",
   "Skip faster.",
   "A drill that rehearses knee drive and foot strike.")

ex("Bounds", ["Running bounds"],
   "jump", ["glutes", "quads", "calves"], ["hamstrings", "hip_flexors"], "high", "bodyweight",
   U, None, PW, True, False, [], "bodyweight",
   "Start with a few easy running steps.",
   ["Push off powerfully into a long stride.",
    "Land under the body.",
    "Continue alternating."],
   ["Overstriding.", "Collapsing on landing."],
   "Do short bounds.",
   "Bound further.",
   "Develops powerful push-off.")

ex("Single-Leg Hops", ["One-leg hops"],
   "jump", ["calves", "quads", "glutes"], ["feet_ankles", "hip_abductors"], "high", "bodyweight",
   U, None, PW, True, False, [], "bodyweight",
   "Stand on one leg.",
   ["Hop forward.",
    "Land softly.",
    "Repeat."],
   ["Knee caving.", "Loud landing."],
   "Hop in place.",
   "Hop further.",
   "Builds single-leg power.")

ex("Box Jumps", ["Box jump"],
   "jump", ["quads", "glutes", "calves"], ["hamstrings"], "high", "bodyweight",
   B, None, PW, True, False, ["box"], "bodyweight",
   "Stand in front of a box.",
   ["Swing the arms and jump up.",
    "Land softly.",
    "Step down."],
   ["Landing with knees caving.", "Too high a box."],
   "Use a lower box.",
   "Use a higher box.",
   "Trains explosive power.")

ex("Lateral Bounds", ["Skater bounds"],
   "jump", ["glutes", "hip_abductors", "quads"], ["hip_adductors", "calves", "feet_ankles"], "high",
   "bodyweight",
   U, None, PW, True, False, [], "bodyweight",
   "Stand on one leg.",
   ["Bound sideways.",
    "Land on the other leg.",
    "Stick the landing."],
   ["Knee caving.", "Falling."],
   "Do short hops.",
   "Bound further.",
   "Builds side-to-side power and control.")

ex("Depth Drop", ["Drop landing"],
   "jump", ["quads", "glutes", "calves"], ["hamstrings"], "high", "bodyweight",
   B, None, PW, True, True, ["box"], "bodyweight",
   "Stand on a low box.",
   ["Step off.",
    "Land softly.",
    "Hold the landing."],
   ["Stiff landing.", "Knees caving."],
   "Use a lower box.",
   "Use a higher box.",
   "Teaches landing mechanics.")

ex("Split-Squat Jump", ["Jumping lunge"],
   "jump", ["quads", "glutes", "calves"], ["hamstrings", "hip_adductors"], "high", "bodyweight",
   U, None, PW, True, False, [], "bodyweight",
   "Stand in a split stance.",
   ["Jump and switch legs.",
    "Land softly.",
    "Repeat."],
   ["Front knee caving.", "Landing heavily."],
   "Step instead of jumping.",
   "Jump higher.",
   "Builds reactive single-leg power.")
