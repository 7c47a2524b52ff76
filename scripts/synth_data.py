"""Vocabulary of the synthetic event generator: concepts, each written several natural ways.

Concepts are the ground truth; attendees only ever see wordings. Kept apart from
scripts/synth.py so the generator logic stays readable.
"""

from __future__ import annotations

# Professional concepts: (concept, wordings). Wordings differ the way people write.
PROFESSIONAL: list[tuple[str, list[str]]] = [
    (
        "carbon capture",
        ["carbon capture", "direct air capture of CO2", "carbon removal tech", "CCS projects"],
    ),
    (
        "battery chemistry",
        ["battery chemistry", "solid-state batteries", "lithium-ion cell research"],
    ),
    (
        "grid storage",
        ["grid-scale energy storage", "utility battery storage", "storage for the power grid"],
    ),
    ("solar", ["solar PV", "photovoltaics", "rooftop solar installations"]),
    ("wind energy", ["offshore wind", "wind farm development", "wind energy"]),
    ("hydrogen", ["green hydrogen", "hydrogen fuel cells", "electrolyzers"]),
    (
        "ev charging",
        ["EV charging networks", "electric vehicle charging", "charging infrastructure for EVs"],
    ),
    (
        "climate risk",
        ["climate risk modelling", "physical climate risk", "climate scenario analysis"],
    ),
    (
        "carbon accounting",
        ["carbon accounting", "scope 3 emissions reporting", "measuring corporate emissions"],
    ),
    ("regenerative agriculture", ["regenerative agriculture", "soil health farming", "regen ag"]),
    ("vertical farming", ["vertical farming", "indoor agriculture", "hydroponic farms"]),
    ("alternative protein", ["plant-based meat", "alternative proteins", "cultivated meat"]),
    (
        "circular economy",
        ["circular economy", "product reuse and recycling", "waste reduction in manufacturing"],
    ),
    ("water tech", ["water purification", "desalination technology", "clean water access"]),
    (
        "llm evaluation",
        ["evaluating large language models", "LLM evals", "benchmarking language models"],
    ),
    ("rag", ["retrieval-augmented generation", "RAG pipelines", "grounding LLMs in documents"]),
    ("ai safety", ["AI alignment", "AI safety research", "making AI systems safe"]),
    ("computer vision", ["computer vision", "image recognition", "visual object detection"]),
    ("speech", ["speech recognition", "voice interfaces", "automatic speech-to-text"]),
    (
        "recommender systems",
        ["recommender systems", "recommendation engines", "personalised ranking"],
    ),
    ("mlops", ["MLOps", "deploying ML models to production", "model monitoring in production"]),
    ("reinforcement learning", ["reinforcement learning", "RL agents", "learning from rewards"]),
    ("edge ai", ["on-device machine learning", "TinyML", "edge AI inference"]),
    ("kubernetes", ["Kubernetes", "container orchestration", "running k8s clusters"]),
    ("observability", ["observability", "distributed tracing", "logging and metrics pipelines"]),
    ("rust", ["Rust programming", "writing systems code in Rust", "the Rust language"]),
    ("functional programming", ["functional programming", "Haskell", "typed functional languages"]),
    ("databases", ["database internals", "building query engines", "storage engines"]),
    ("data engineering", ["data pipelines", "data engineering", "ETL at scale"]),
    (
        "analytics engineering",
        ["dbt and analytics engineering", "modern data stack", "analytics engineering"],
    ),
    (
        "web performance",
        ["web performance", "making websites load fast", "frontend performance tuning"],
    ),
    (
        "accessibility",
        ["web accessibility", "designing for screen readers", "inclusive digital design"],
    ),
    ("design systems", ["design systems", "component libraries", "UI design tokens"]),
    ("mobile dev", ["iOS development", "building mobile apps", "Swift and Kotlin apps"]),
    ("game dev", ["game development", "building indie games", "Unity game design"]),
    (
        "open source",
        ["open source maintenance", "maintaining OSS projects", "open-source communities"],
    ),
    (
        "developer experience",
        ["developer experience", "developer tooling", "DX and internal platforms"],
    ),
    ("api design", ["API design", "designing REST APIs", "public API platforms"]),
    ("cybersecurity", ["application security", "penetration testing", "security engineering"]),
    ("cryptography", ["applied cryptography", "zero-knowledge proofs", "encryption protocols"]),
    ("privacy", ["privacy engineering", "GDPR compliance", "data protection"]),
    ("identity", ["identity and access management", "single sign-on", "authentication systems"]),
    ("quantum computing", ["quantum computing", "quantum algorithms", "building qubits"]),
    ("robotics", ["robotics", "warehouse robots", "robot manipulation"]),
    ("drones", ["drones", "autonomous aerial vehicles", "UAV delivery"]),
    (
        "autonomous driving",
        ["self-driving cars", "autonomous vehicles", "driver-assistance systems"],
    ),
    ("space tech", ["satellite technology", "the space industry", "small satellites and launch"]),
    ("semiconductors", ["chip design", "semiconductors", "ASIC and FPGA engineering"]),
    ("iot", ["industrial IoT", "connected sensors", "internet of things devices"]),
    ("3d printing", ["3D printing", "additive manufacturing", "rapid prototyping hardware"]),
    (
        "supply chain",
        ["supply chain optimisation", "logistics planning", "supply chain visibility"],
    ),
    ("manufacturing", ["smart factories", "lean manufacturing", "factory automation"]),
    (
        "construction tech",
        ["construction tech", "building information modelling", "digitising construction sites"],
    ),
    ("proptech", ["proptech", "real estate technology", "property management software"]),
    (
        "urban mobility",
        ["urban mobility", "bike sharing and micromobility", "public transit planning"],
    ),
    ("smart cities", ["smart cities", "urban data platforms", "city digital infrastructure"]),
    ("payments", ["payments infrastructure", "card processing", "cross-border payments"]),
    ("open banking", ["open banking", "banking APIs", "account aggregation"]),
    ("lending", ["SME lending", "credit underwriting", "alternative lending"]),
    ("insurtech", ["insurtech", "insurance pricing models", "digital insurance"]),
    ("crypto", ["DeFi", "blockchain protocols", "crypto infrastructure"]),
    (
        "wealth management",
        ["wealth management", "financial planning for retail investors", "robo-advisors"],
    ),
    ("fraud", ["fraud detection", "anti-money laundering", "transaction monitoring"]),
    ("accounting", ["accounting automation", "bookkeeping software", "finance ops for startups"]),
    ("tax", ["international tax law", "tax policy", "tax compliance"]),
    ("legal tech", ["legal tech", "contract automation", "AI for lawyers"]),
    ("ip law", ["patent law", "intellectual property strategy", "IP licensing"]),
    ("regulation", ["financial regulation", "regulatory compliance", "working with regulators"]),
    ("digital health", ["digital health", "telemedicine", "remote patient monitoring"]),
    ("medical imaging", ["medical imaging AI", "radiology software", "MRI and CT analysis"]),
    ("genomics", ["genomics", "DNA sequencing", "computational biology"]),
    ("drug discovery", ["drug discovery", "AI for drug design", "small-molecule discovery"]),
    ("clinical trials", ["clinical trials", "trial recruitment", "clinical research operations"]),
    ("mental health", ["mental health tech", "digital therapy apps", "workplace mental health"]),
    ("neuroscience", ["neuroscience", "brain-computer interfaces", "neurotech"]),
    ("medtech", ["medical devices", "medtech", "wearable health sensors"]),
    ("elder care", ["elder care", "ageing in place", "care homes and assisted living"]),
    ("edtech", ["edtech", "online learning platforms", "digital classrooms"]),
    ("early childhood", ["early childhood education", "preschool learning", "childcare"]),
    ("higher ed", ["university teaching", "higher education reform", "academic careers"]),
    ("upskilling", ["workforce upskilling", "corporate training", "reskilling programs"]),
    (
        "coding bootcamps",
        ["coding bootcamps", "teaching people to code", "career changers into tech"],
    ),
    ("future of work", ["remote work", "distributed teams", "async collaboration"]),
    ("hr tech", ["HR tech", "people analytics", "employee engagement"]),
    ("recruiting", ["technical recruiting", "hiring engineers", "talent acquisition"]),
    ("dei", ["diversity and inclusion", "inclusive hiring", "DEI programs"]),
    (
        "leadership coaching",
        ["executive coaching", "leadership development", "coaching first-time managers"],
    ),
    ("product management", ["product discovery", "product roadmaps", "product management craft"]),
    ("user research", ["user research", "customer interviews", "usability testing"]),
    ("growth", ["growth marketing", "user acquisition", "growth experiments"]),
    ("seo", ["SEO", "search engine optimisation", "organic search traffic"]),
    ("content marketing", ["content marketing", "B2B content strategy", "brand storytelling"]),
    ("community", ["community building", "developer communities", "running online communities"]),
    ("b2b sales", ["enterprise sales", "B2B sales", "selling to large companies"]),
    ("customer success", ["customer success", "reducing churn", "account management"]),
    ("pricing", ["pricing strategy", "SaaS pricing", "monetisation models"]),
    ("ecommerce", ["e-commerce", "online retail", "direct-to-consumer brands"]),
    ("marketplaces", ["two-sided marketplaces", "marketplace businesses", "platform economics"]),
    ("creator economy", ["the creator economy", "influencer marketing", "tools for creators"]),
    ("media", ["journalism", "local news", "digital publishing"]),
    ("podcasting", ["podcast production", "audio storytelling", "making podcasts"]),
    ("film production", ["film production", "documentary filmmaking", "video production"]),
    ("music tech", ["music technology", "music streaming", "audio software for musicians"]),
    ("fashion tech", ["sustainable fashion", "fashion tech", "apparel supply chains"]),
    ("food tech", ["food delivery", "restaurant tech", "food waste reduction"]),
    ("travel tech", ["travel tech", "hospitality software", "booking platforms"]),
    ("sports tech", ["sports analytics", "sports tech", "athlete performance data"]),
    ("nonprofit", ["nonprofit management", "social enterprises", "charity fundraising"]),
    ("impact investing", ["impact investing", "ESG investing", "investing for social impact"]),
    ("venture capital", ["early-stage venture capital", "seed investing", "angel investing"]),
    ("private equity", ["private equity", "buyouts", "PE portfolio operations"]),
    ("public policy", ["public policy", "tech policy", "government relations"]),
    ("govtech", ["govtech", "digital public services", "civic technology"]),
    (
        "international development",
        ["international development", "global health programs", "development economics"],
    ),
    (
        "behavioral economics",
        ["behavioural economics", "nudges and decision making", "behavioral science"],
    ),
    ("urban planning", ["urban planning", "housing policy", "zoning reform"]),
    ("architecture", ["architecture", "sustainable building design", "designing buildings"]),
    ("translation", ["machine translation", "localisation", "translating software"]),
]

PERSONAL: list[tuple[str, list[str]]] = [
    (
        "marathon running",
        ["running marathons", "marathon training", "long-distance running", "trail running"],
    ),
    ("cycling", ["road cycling", "bike touring", "cycling long distances"]),
    ("swimming", ["open-water swimming", "swimming laps", "sea swimming"]),
    ("triathlon", ["triathlons", "Ironman training", "swim-bike-run races"]),
    ("climbing", ["rock climbing", "bouldering", "indoor climbing"]),
    ("mountaineering", ["mountaineering", "alpine climbing", "summiting big peaks"]),
    ("surfing", ["surfing", "catching waves", "surf trips"]),
    ("skiing", ["skiing", "backcountry skiing", "ski touring"]),
    ("sailing", ["sailing", "yacht racing", "dinghy sailing"]),
    ("tennis", ["tennis", "playing tennis on weekends", "club tennis"]),
    ("football", ["playing football", "five-a-side football", "Sunday league soccer"]),
    ("basketball", ["basketball", "pickup basketball", "shooting hoops"]),
    ("martial arts", ["Brazilian jiu-jitsu", "judo", "martial arts"]),
    ("boxing", ["boxing", "boxing classes", "kickboxing"]),
    ("chess", ["chess", "online chess", "chess tournaments"]),
    ("board games", ["board games", "tabletop gaming", "strategy board games"]),
    ("video games", ["retro video games", "PC gaming", "playing RPGs"]),
    ("jazz", ["jazz", "jazz piano", "live jazz clubs"]),
    ("classical music", ["classical music", "opera", "going to symphony concerts"]),
    ("playing guitar", ["playing guitar", "acoustic guitar", "learning guitar"]),
    ("choir", ["singing in a choir", "choral music", "choir singing"]),
    ("djing", ["DJing", "electronic music production", "mixing techno"]),
    ("vinyl", ["collecting vinyl records", "vinyl record collecting", "record shopping"]),
    ("baking", ["sourdough baking", "baking bread", "home baking"]),
    ("fermentation", ["fermenting kimchi", "home fermentation", "making kombucha"]),
    ("wine", ["natural wine", "wine tasting", "visiting vineyards"]),
    ("coffee roasting", ["home coffee roasting", "specialty coffee brewing", "pour-over coffee"]),
    ("cocktails", ["mixology", "making cocktails", "craft cocktails"]),
    ("vegan cooking", ["vegan cooking", "plant-based recipes", "cooking vegetarian food"]),
    ("gardening", ["gardening", "growing vegetables", "allotment gardening"]),
    ("birdwatching", ["birdwatching", "birding", "spotting wild birds"]),
    ("astronomy", ["amateur astronomy", "stargazing", "backyard telescopes"]),
    ("photography", ["film photography", "street photography", "shooting 35mm film"]),
    ("painting", ["watercolour painting", "oil painting", "painting landscapes"]),
    ("pottery", ["pottery", "ceramics", "throwing pots on the wheel"]),
    ("woodworking", ["woodworking", "furniture making", "carpentry projects"]),
    ("knitting", ["knitting", "crochet", "knitting sweaters"]),
    ("sci-fi", ["science fiction novels", "reading sci-fi", "space opera books"]),
    ("poetry", ["writing poetry", "poetry readings", "spoken word"]),
    ("history", ["medieval history", "history books", "reading about ancient Rome"]),
    ("philosophy", ["philosophy", "stoicism", "reading philosophy"]),
    ("languages", ["learning Japanese", "language learning", "studying foreign languages"]),
    ("theatre", ["improv theatre", "amateur dramatics", "acting in plays"]),
    ("stand-up", ["stand-up comedy", "comedy open mics", "writing jokes"]),
    ("dance", ["salsa dancing", "swing dancing", "ballroom dance"]),
    ("meditation", ["meditation", "mindfulness practice", "silent retreats"]),
    ("volunteering", ["volunteering at food banks", "community volunteering", "mentoring kids"]),
    ("conservation", ["wildlife conservation", "protecting endangered species", "rewilding"]),
    ("scuba", ["scuba diving", "freediving", "diving coral reefs"]),
    ("camping", ["wild camping", "backpacking trips", "camping in national parks"]),
    ("van life", ["van life", "road trips in a camper van", "converting a campervan"]),
    ("motorcycles", ["motorcycles", "restoring old motorbikes", "motorbike touring"]),
    ("classic cars", ["classic cars", "restoring vintage cars", "car restoration"]),
    ("aviation", ["flying small planes", "private pilot training", "aviation"]),
    ("dogs", ["dog training", "my rescue dog", "agility training with dogs"]),
    ("parenting", ["parenting toddlers", "raising kids", "being a new parent"]),
    ("quilting", ["quilting", "patchwork quilts", "sewing quilts"]),
    ("origami", ["origami", "paper folding", "paper craft"]),
    ("puzzles", ["crossword puzzles", "cryptic crosswords", "sudoku"]),
    ("formula 1", ["Formula 1", "F1 racing", "motorsport"]),
]

# Popular on nearly every profile: noise, still real common ground, barely informative.
GENERIC_PROFESSIONAL = [
    "AI", "artificial intelligence", "startups", "networking", "innovation", "technology",
    "entrepreneurship", "leadership", "machine learning", "sustainability", "product", "data",
]  # fmt: skip
GENERIC_PERSONAL = [
    "travel", "music", "reading", "coffee", "food", "movies", "hiking", "fitness", "podcasts",
]  # fmt: skip

# Complementary goals: (goal, needs wordings, offers wordings).
GOALS: list[tuple[str, list[str], list[str]]] = [
    (
        "technical cofounder",
        [
            "a technical co-founder",
            "need a CTO to build the product with me",
            "engineering co-founder",
        ],
        [
            "backend engineer keen to start a company",
            "engineer looking to co-found a startup",
            "happy to join an early team as technical co-founder",
        ],
    ),
    (
        "business cofounder",
        ["a business co-founder", "commercial co-founder to run sales", "non-technical co-founder"],
        [
            "ex-operator looking to co-found",
            "sales leader wanting to start a company",
            "business partner for a technical founder",
        ],
    ),
    (
        "seed funding",
        ["seed funding", "raising our pre-seed round", "angel investors for our startup"],
        ["angel investing in early-stage startups", "I write seed cheques", "pre-seed investment"],
    ),
    (
        "job in data",
        ["my next role in data science", "a data science job", "looking for data roles"],
        [
            "we are hiring data scientists",
            "open data science positions",
            "hiring for our data team",
        ],
    ),
    (
        "engineering job",
        ["a new software engineering job", "backend developer roles", "my next engineering role"],
        [
            "hiring software engineers",
            "we have open engineering roles",
            "recruiting backend developers",
        ],
    ),
    (
        "mentor",
        ["a mentor", "mentorship as a first-time founder", "guidance from an experienced founder"],
        ["mentoring first-time founders", "happy to mentor early-career people", "mentorship"],
    ),
    (
        "design help",
        ["a product designer", "help with UX design", "a designer for my app"],
        ["product design", "freelance UX design", "UI and UX design services"],
    ),
    (
        "pilot customers",
        [
            "pilot customers in healthcare",
            "hospital partners for a pilot",
            "clinics to trial our software",
        ],
        [
            "intros to hospital buyers",
            "access to a network of clinics",
            "healthcare procurement contacts",
        ],
    ),
    (
        "beta users",
        [
            "beta testers for our app",
            "early users to try our product",
            "people to test our prototype",
        ],
        ["happy to test new products", "I love beta testing apps", "early adopter feedback"],
    ),
    (
        "legal advice",
        ["legal advice on incorporating", "help with startup contracts", "a startup lawyer"],
        [
            "startup legal counsel",
            "I advise founders on legal matters",
            "contract review for startups",
        ],
    ),
    (
        "fundraising advice",
        [
            "advice on raising a Series A",
            "help preparing for fundraising",
            "feedback on my pitch deck",
        ],
        ["I raised a Series A and can share lessons", "pitch deck reviews", "fundraising coaching"],
    ),
    (
        "marketing help",
        ["help with go-to-market", "a growth marketer", "marketing advice for launch"],
        ["growth marketing consulting", "go-to-market strategy", "launch marketing support"],
    ),
    (
        "research collaborators",
        [
            "research collaborators in genomics",
            "academic partners for a study",
            "co-authors for a paper",
        ],
        [
            "research collaboration",
            "open to academic partnerships",
            "access to lab data for joint studies",
        ],
    ),
    (
        "speaking",
        ["speakers for our meetup", "conference speakers", "people to give talks at our event"],
        ["happy to speak at events", "giving talks", "keynote speaking"],
    ),
    (
        "data partnerships",
        ["datasets for training models", "data partners", "access to real-world data"],
        ["anonymised datasets to share", "data sharing partnerships", "licensing our data"],
    ),
    (
        "sales intros",
        ["intros to enterprise buyers", "customers in retail", "introductions to retailers"],
        [
            "retail industry connections",
            "intros to enterprise procurement",
            "my network of retail buyers",
        ],
    ),
    (
        "hiring designers",
        ["hiring a senior designer", "designers to join our team", "recruiting product designers"],
        ["looking for a design job", "designer open to new roles", "my next design role"],
    ),
    (
        "internship",
        ["a summer internship", "internship in a startup", "student placement"],
        ["internships for students", "we host interns", "student placements at our company"],
    ),
    (
        "cloud credits",
        ["cheaper cloud infrastructure", "cloud credits for startups", "help cutting our AWS bill"],
        ["cloud cost optimisation", "startup cloud credits program", "infrastructure cost reviews"],
    ),
    (
        "translation help",
        [
            "translating our product into Spanish",
            "localisation help",
            "help entering Latin American markets",
        ],
        ["Spanish localisation", "translation services", "market entry advice for Latin America"],
    ),
]

FIRST_NAMES = [
    "Amara", "Ben", "Chen", "Diego", "Elena", "Farah", "Gabriel", "Hana", "Ibrahim", "Julia",
    "Kwame", "Lena", "Mateo", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
    "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dmitri",
    "Esther", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Keiko", "Luca", "Maya", "Nikhil",
    "Olga", "Pablo", "Rania", "Samuel", "Tomás", "Valentina", "William", "Yara", "Zain", "Lucía",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Schmidt", "Wang", "Fernández", "Rossi", "Haddad", "Martin", "Sato", "Khan",
    "Novak", "Mensah", "Larsen", "García", "Petrova", "Brown", "Sharma", "Dubois", "Silva",
    "Andersson", "Rahman", "Iyer", "Moreau", "Li", "Hernández", "Demir", "Clarke", "Tanaka",
    "Costa", "Ivanov", "Cohen", "Nguyen", "Murphy", "Kowalski", "Singh", "Ali", "Jensen",
]  # fmt: skip
COMPANIES = [
    "Google LLC", "Microsoft", "Stripe", "Siemens AG", "Shopify Inc.", "Spotify", "Deloitte",
    "McKinsey & Company", "Roche", "Novartis", "Monzo", "Revolut Ltd", "Airbus", "Unilever",
    "Northwind Analytics", "Brightwave Energy", "Helix Bio", "Kestrel Robotics", "Atlas Health",
    "Lumen Learning", "Harbor Capital", "Greenfield Ventures", "Meridian Labs", "Orbital Works",
    "Tidewater Logistics", "Quanta Systems", "Nimbus Cloud", "Foxglove Studio", "Bluebird Media",
    "City of Amsterdam", "UNICEF", "World Bank", "NHS England", "Pioneer Foods",
]  # fmt: skip
SCHOOLS = [
    "MIT", "Stanford University", "University of Oxford", "ETH Zurich", "Imperial College London",
    "University of Toronto", "TU Delft", "IIT Bombay", "Tsinghua University", "Sciences Po",
    "University of Lagos", "Universidad de Buenos Aires", "INSEAD", "London Business School",
]  # fmt: skip
ROLES = [
    "Founder & CEO", "CTO", "Product Manager", "Senior Software Engineer", "Data Scientist",
    "UX Designer", "Partner", "Investment Associate", "Research Scientist", "Head of Growth",
    "Policy Advisor", "Engineering Manager", "Sales Director", "Operations Lead", "PhD Student",
    "Consultant", "Journalist", "Professor", "Community Manager", "Staff Engineer",
]  # fmt: skip
