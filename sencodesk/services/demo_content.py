"""Words for the demo school's passports, outcomes and interventions, by need type."""

from __future__ import annotations

#: name, description, wave, staff grade, hourly cost in pence
INTERVENTIONS = (
    ("Lexia reading programme", "Computer-based phonics and reading practice", 2, "TA", 1800),
    ("Precision teaching", "Short daily sessions to build fluency in key words", 2, "TA", 1800),
    ("Toe by Toe", "Structured phonics coaching, one to one", 2, "TA", 1800),
    ("Numicon maths group", "Concrete maths for number sense", 2, "TA", 1800),
    ("Talk Boost KS3", "Language group for vocabulary and narrative", 2, "HLTA", 2200),
    ("ELSA sessions", "Emotional literacy support, one to one", 3, "HLTA", 2200),
    ("Lego-based therapy", "Social communication through building in threes", 2, "TA", 1800),
    ("Social stories", "Written stories to prepare for change", 3, "TA", 1800),
    ("Speech and language therapy", "Sessions with the NHS SALT", 3, "Therapist", 5500),
    ("Zones of Regulation", "Group work on recognising and managing feelings", 2, "HLTA", 2200),
    ("Handwriting and fine motor", "Daily fine-motor programme from OT advice", 2, "TA", 1800),
    ("Homework club", "Supported study after school", 1, "TA", 1800),
    ("Mentoring", "Weekly check-in with the learning mentor", 2, "Mentor", 2400),
    ("Sensory circuit", "Morning movement circuit to settle for learning", 2, "TA", 1800),
)

#: The need types (OUTCOMES keys) each intervention is meant to help with: the demo plans only
#: provision that suits the pupil's need, and links it to that need's outcomes.
SUITS = {
    "Lexia reading programme": ("SPLD", "MLD"),
    "Precision teaching": ("SPLD", "MLD", "OTHER"),
    "Toe by Toe": ("SPLD",),
    "Numicon maths group": ("MLD",),
    "Talk Boost KS3": ("SLCN",),
    "ELSA sessions": ("SEMH",),
    "Lego-based therapy": ("ASD", "SLCN"),
    "Social stories": ("ASD",),
    "Speech and language therapy": ("SLCN",),
    "Zones of Regulation": ("SEMH", "ASD"),
    "Handwriting and fine motor": ("OTHER",),
    "Homework club": ("OTHER", "MLD"),
    "Mentoring": ("SEMH", "OTHER"),
    "Sensory circuit": ("ASD", "OTHER"),
}

OUTCOMES = {
    "SPLD": (("read a passage of 150 words at Year 6 level with 95% accuracy",
              "accuracy checked half-termly with the same passage type"),
             ("spell 40 of the 50 statutory Year 5/6 words correctly",
              "dictation check at the end of the cycle"),
             ("use a writing frame independently to plan a paragraph",
              "three pieces of work planned without adult help")),
    "MLD": (("recall multiplication facts to 10 x 10 within 5 seconds",
             "timed check of 20 facts, 16 correct"),
            ("follow a two-step instruction in class without a reminder",
             "observed in 4 of 5 lessons")),
    "SEMH": (("name three calming strategies and use one when upset",
              "staff log shows a strategy used on 3 occasions"),
             ("stay in lessons for the whole period on 4 days out of 5",
              "attendance to lessons tracked weekly"),
             ("talk to a trusted adult when worried", "check-ins logged by the mentor")),
    "SLCN": (("use 10 new subject words correctly in speech",
              "vocabulary checklist with the class teacher"),
             ("retell a short story with a beginning, middle and end",
              "recorded retell scored by SALT"),
             ("ask for help using a set phrase", "observed in 3 different subjects")),
    "ASD": (("manage changes to the timetable with a visual warning",
             "no more than one incident a week at transition"),
            ("take part in a group task for 15 minutes", "observed in Lego-based therapy"),
            ("use the exit card and return within 10 minutes", "use logged by staff")),
    "OTHER": (("organise equipment for lessons using a checklist",
               "checklist complete on 4 days out of 5"),
              ("complete homework on time", "homework log shows 80% on time")),
}

PASSPORT = {
    "about_me": ("I like football, drawing and my dog Biscuit. I have two younger sisters.",
                 "I love Minecraft and making things. I want to be an engineer.",
                 "I am kind and I like helping in the library at lunch.",
                 "I play the drums and I like baking with my nan."),
    "important_to_me": ("Knowing what is happening next. Sitting near the door.",
                        "My friends, and being treated the same as everyone else.",
                        "Having time to finish my work without being rushed."),
    "find_difficult": ("Loud rooms and the canteen. Lots of talking at once.",
                       "Reading out loud in front of the class. Copying from the board.",
                       "Changes to the timetable and supply teachers I don't know.",
                       "Remembering lots of instructions. Working in big groups."),
    "support_me": ("Give me instructions one at a time and written down\n"
                   "Let me use my exit card if I need a break\nWarn me before changes",
                   "Print notes on cream paper in a larger font\nDon't ask me to read aloud\n"
                   "Check I understand the task after you explain it",
                   "Seat me away from the window\nUse my name before giving an instruction\n"
                   "Give me a job to do at transitions"),
    "help_myself": ("I will use my checklist and ask for help using my card.",
                    "I will use my coloured overlay and my word mat.",
                    "I will tell an adult when I start to feel worried."),
    "key_information": ("Reading age 9y 4m (September). Wears glasses for reading.",
                        "Uses a laptop for extended writing. Extra time 25% in exams.",
                        "Has an inhaler in the medical room."),
}

VOICES = {
    "pupil": ("I think the reading group is helping. I like the computer one best.",
              "I don't like being taken out of art.", "It's easier when I know what's next.",
              "I can use the card now without feeling embarrassed."),
    "parent": ("Mum is pleased with progress and sees more confidence at home.",
               "Dad would like more communication about homework.",
               "Parents agree with the outcomes and will practise reading nightly.",
               "Carer reports fewer meltdowns after school."),
}
