"""Plausible, diverse names for the synthetic demo school (no real pupil is described)."""

from __future__ import annotations

FORENAMES = (
    "Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Grace", "Sophia",
    "Zoë", "Aisha", "Fatima", "Maryam", "Zainab", "Amara", "Chioma", "Adaeze", "Priya",
    "Ananya", "Simran", "Harleen", "Mei", "Lin", "Hana", "Niamh", "Siobhan", "Aoife",
    "Catrin", "Seren", "Eilidh", "Maja", "Zofia", "Oliwia", "Ioana", "Bianca", "Shanice",
    "Keisha", "Chantelle", "Roxanne", "Esme", "Thea", "Nia", "Imani", "Yasmin", "Leila",
    "Noah", "Oliver", "George", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Jack",
    "Muhammad", "Yusuf", "Ibrahim", "Omar", "Ali", "Hassan", "Kwame", "Kofi", "Tunde",
    "Emeka", "Chinedu", "Arjun", "Rohan", "Vikram", "Harpreet", "Gurdeep", "Wei", "Jun",
    "Kai", "Ciarán", "Seán", "Rhys", "Dylan", "Callum", "Jakub", "Kacper", "Mateusz",
    "Andrei", "Luca", "Mateo", "Tyrese", "Jaden", "Malachi", "Reuben", "Theo", "Ezra",
    "Alfie", "Finley", "Ruairi", "Idris", "Tomás", "Nikolai",
)

SURNAMES = (
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
    "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood",
    "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
    "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
    "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook",
    "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
    "O'Brien", "O'Connor", "McCarthy", "Ní Bhriain", "MacLeod", "Fraser", "Campbell",
    "Khan", "Ahmed", "Hussain", "Ali", "Begum", "Rahman", "Islam", "Akhtar", "Iqbal",
    "Singh", "Kaur", "Sharma", "Gill", "Sandhu", "Chauhan", "Mistry", "Shah",
    "Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Osei", "Nwosu", "Eze", "Adebayo",
    "Chen", "Wang", "Li", "Nguyen", "Tran", "Kowalski", "Nowak", "Wiśniewska",
    "Łukasiewicz-Smith", "Popescu", "Ionescu", "Rossi", "Silva", "Santos", "Yılmaz",
    "Demir", "Haddad", "Mahmoud", "Abdi", "Warsame", "Mohamud", "Ferreira", "Costa",
    "Brown-Campbell", "Taylor-Reid", "Achterberg", "Van der Merwe", "Dubois",
)

STAFF = (
    ("Sam Patel", "SENCO"), ("Helen Okonkwo", "Assistant SENCO"),
    ("Gareth Lloyd", "Teaching assistant"), ("Bronwen Hughes", "Teaching assistant"),
    ("Ruth Adeyemi", "HLTA"), ("Daniel Kaur", "Learning mentor"),
    ("Claire Fitzgerald", "Speech and language therapist"),
    ("Dr Ayesha Rahman", "Educational psychologist"),
)

AGENCIES = (
    "Educational psychology service", "Speech and language therapy", "CAMHS",
    "Occupational therapy", "Early help", "Sensory support team", "School nursing",
    "Social care", "Physiotherapy", "Autism outreach",
)
