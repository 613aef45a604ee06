package extract

// Lexicons for English news. They name kinds of words, not the words of any
// one article.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var abbreviations = set("mr", "mrs", "ms", "dr", "prof", "corp", "inc", "ltd", "co", "no", "st", "jr", "sr",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "gen", "sen",
	"rep", "u.s", "u.k", "vs", "etc", "approx", "bhd")

// reportingVerbs maps a reporting verb as written to the format's verb.
var reportingVerbs = map[string]string{
	"said": "said", "says": "said", "told": "said", "remarked": "said", "warned": "said", "commented": "said", "estimated": "said", "predicted": "said", "forecast": "said",
	"stated": "stated", "states": "stated", "declared": "stated", "asserted": "stated",
	"noted": "noted", "notes": "noted", "observed": "noted", "acknowledged": "noted",
	"suggested": "suggested", "proposed": "suggested", "urged": "suggested", "recommended": "suggested",
	"pointed out": "pointed_out", "points out": "pointed_out",
	"highlighted": "highlighted", "underlined": "highlighted", "underscored": "highlighted",
	"emphasized": "emphasized", "emphasised": "emphasized", "stressed": "emphasized", "reiterated": "emphasized",
	"explained":      "explained",
	"expressed hope": "expressed_hope", "expressed the hope": "expressed_hope", "hoped": "expressed_hope",
	"added":  "added",
	"showed": "according_to", "show": "according_to",
	"announced": "announced", "revealed": "announced", "disclosed": "announced",
}

// gerunds are reporting verbs that continue a clause: "..., noting that".
var gerunds = map[string]string{
	"saying": "said", "noting": "noted", "adding": "added", "stressing": "emphasized",
	"emphasizing": "emphasized", "emphasising": "emphasized", "highlighting": "highlighted",
	"stating": "stated", "pointing out": "pointed_out", "explaining": "explained", "suggesting": "suggested",
	"underlining": "highlighted",
}

// honorifics come before a name and are not part of it; longest first.
var honorifics = []string{
	"Tan Sri Dato' Sri", "Tan Sri Datuk Seri", "Tan Sri", "Dato' Sri", "Datuk Seri", "Datin Sri", "Datin Paduka",
	"Dato Sri", "Dato'", "Dato", "Datuk", "Datin", "Tun", "Toh Puan", "Puan Sri", "Dr.", "Dr", "Professor",
	"Prof.", "Prof", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Sir", "Dame", "Haji", "Hajah", "Ir.",
	"His Excellency", "Her Excellency", "Sheikh", "Madam", "Madame",
}

// titles are the head words of roles.
var titles = set("president", "vice", "deputy", "minister", "director", "director-general", "secretary",
	"secretary-general", "general", "manager", "chairman", "chairwoman", "chair", "ceo", "cfo", "founder",
	"ambassador", "consul", "spokesperson", "spokesman", "spokeswoman", "dean", "professor", "fellow",
	"researcher", "economist", "analyst", "governor", "mayor", "premier", "prime", "head", "chief",
	"executive", "officer", "senior", "associate", "assistant", "lecturer", "member", "envoy", "counsellor",
	"counselor", "representative", "commissioner", "adviser", "advisor", "partner", "editor", "reporter",
	"king", "queen", "sultan", "chancellor", "vice-chancellor", "rector", "principal", "treasurer",
	"attaché", "leader", "official", "former", "acting", "managing", "marketing", "sales", "country",
	"regional", "trade", "foreign", "senator", "lawmaker", "mp", "coordinator", "engineer", "scientist", "ii", "iii")

// orgHeads are words that make a name an organization, with its kind.
var orgHeads = map[string]string{
	"ministry": "ministry", "ministries": "ministry",
	"department": "department", "division": "department", "office": "department", "bureau": "government_body",
	"branch": "department", "unit": "department", "secretariat": "government_body",
	"university": "university", "universiti": "university", "universität": "university", "college": "school_or_institute",
	"school": "school_or_institute", "institute": "school_or_institute", "institution": "school_or_institute",
	"centre": "school_or_institute", "center": "school_or_institute", "laboratory": "school_or_institute",
	"academy": "academy", "association": "association", "federation": "association", "chamber": "association",
	"council": "government_body", "commission": "government_body", "agency": "government_body",
	"authority": "government_body", "administration": "government_body", "committee": "government_body",
	"parliament": "government_body", "government": "government_body", "cabinet": "government_body",
	"corp": "company", "corp.": "company", "corporation": "company", "company": "company", "group": "company",
	"inc": "company", "inc.": "company", "ltd": "company", "ltd.": "company", "bhd": "company", "berhad": "company",
	"holdings": "company", "pt": "company", "plc": "company", "limited": "company", "bank": "company", "airlines": "company",
	"foundation": "", "organization": "", "organisation": "", "society": "association", "union": "",
	"fund": "", "party": "", "forum": "", "network": "", "alliance": "association", "club": "association",
	"capital": "company", "securities": "company", "partners": "company", "investments": "company",
	"ventures": "company", "technologies": "company", "motors": "company", "logistics": "company",
	"airways": "company", "telecom": "company", "industries": "company", "financial": "company",
	"insurance": "company", "consulting": "company", "advisory": "company", "advisers": "company", "advisors": "company", "derivatives": "company",
	"research": "company", "post": "company", "times": "company", "herald": "company", "tribune": "company",
	"journal": "company", "gazette": "company",
	"board": "government_body", "embassy": "government_body", "consulate": "government_body",
}

// portfolios are the fields a minister's title names ("Minister of
// Industry and Commerce"); the words after them start the person's name.
var portfolios = set("commerce", "trade", "industry", "finance", "economy", "affairs", "transport", "energy",
	"agriculture", "health", "education", "defence", "defense", "tourism", "investment", "justice", "labour",
	"labor", "environment", "development", "planning", "communications", "digital", "interior", "resources",
	"commodities", "plantation", "works", "rural", "urban", "natural", "foreign", "home", "public", "social", "housing", "culture", "youth", "sports", "science", "technology")

// governmentHeads, after a nationality, name a unit of that country's
// government ("Malaysian Ministry of Economy", "Chinese Foreign Ministry"):
// the nationality qualifies the name. Before other names ("Malaysian Palm
// Oil Board") it is part of the name.
var governmentHeads = set("ministry", "embassy", "consulate", "government", "cabinet", "parliament", "navy",
	"army", "police", "customs", "president", "prime")

// placeHeads make a name a place, with its kind.
var placeHeads = map[string]string{
	"park": "industrial_park", "zone": "region", "province": "region", "state": "region", "region": "region",
	"city": "city", "island": "region", "county": "region", "district": "region", "port": "city",
	"delta": "region", "valley": "region", "peninsula": "region", "basin": "region",
	"tower": "building", "towers": "building", "building": "building", "hall": "building", "plaza": "building",
}

// eventHeads make a name an event.
var eventHeads = map[string]string{
	"forum": "conference", "conference": "conference", "summit": "conference", "expo": "conference",
	"congress": "conference", "symposium": "conference", "dialogue": "meeting", "fair": "conference",
	"meeting": "meeting", "seminar": "conference", "exhibition": "conference", "week": "conference",
}

// agreementHeads make a name an agreement, with its kind.
var agreementHeads = map[string]string{
	"initiative": "initiative", "agreement": "signed_agreement", "accord": "signed_agreement",
	"treaty": "signed_agreement", "pact": "signed_agreement", "memorandum": "signed_agreement",
	"declaration": "joint_statement", "statement": "joint_statement", "communique": "joint_statement",
	"strategy": "policy", "policy": "policy", "plan": "policy", "programme": "policy", "program": "policy",
	"framework": "framework", "partnership": "framework", "vision": "policy", "model": "cooperation_model",
	"platform": "cooperation_model", "mechanism": "framework", "roadmap": "policy", "blueprint": "policy",
}

// knownAgreements and knownOrganizations are well-known short names.
var knownAgreements = set("RCEP", "CPTPP", "TPP", "NAFTA", "USMCA", "BRI", "GDI", "GSI", "GCI", "ACFTA",
	"DEFA", "IPEF", "AfCFTA", "ATIGA", "JCPOA")

var knownOrganizations = map[string]string{
	"ASEAN": "", "APEC": "", "WTO": "", "IMF": "", "UN": "", "EU": "", "G20": "", "BRICS": "",
	"OPEC": "", "WHO": "", "NATO": "", "SCO": "", "AIIB": "company", "OECD": "", "UNESCO": "",
	"UNCTAD": "", "Xinhua": "company", "Reuters": "company", "Bernama": "company",
}

// notOrganizations are capitalized short forms that name no organization.
var notOrganizations = set("GDP", "CSR", "AI", "IT", "ICT", "EV", "EVS", "FDI", "CEO", "CFO", "COVID", "US",
	"USA", "UK", "UAE", "SME", "SMES", "R&D", "ESG", "PPP", "GNP", "CPI", "PMI", "MOU", "5G", "6G", "TV",
	"AM", "PM", "GMT", "UTC", "OK", "NEV", "NEVS", "IOT", "LNG", "PV")

// demonyms map an adjective of nationality to its country.
var demonyms = map[string]string{
	"Chinese": "China", "Malaysian": "Malaysia", "American": "United States", "Singaporean": "Singapore",
	"Indonesian": "Indonesia", "Thai": "Thailand", "Vietnamese": "Vietnam", "Filipino": "Philippines",
	"Japanese": "Japan", "Korean": "South Korea", "Indian": "India", "British": "United Kingdom",
	"French": "France", "German": "Germany", "Russian": "Russia", "Australian": "Australia",
	"Brazilian": "Brazil", "Egyptian": "Egypt", "Saudi": "Saudi Arabia", "Pakistani": "Pakistan",
	"Cambodian": "Cambodia", "Lao": "Laos", "Laotian": "Laos", "Myanmar": "Myanmar", "Bruneian": "Brunei",
	"Kenyan": "Kenya", "Nigerian": "Nigeria", "South African": "South Africa", "Canadian": "Canada",
	"Mexican": "Mexico", "Italian": "Italy", "Spanish": "Spain", "Turkish": "Turkey", "Iranian": "Iran",
	"Emirati": "United Arab Emirates", "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Peruvian": "Peru",
	"Chilean": "Chile", "Argentine": "Argentina", "New Zealand": "New Zealand", "Bangladeshi": "Bangladesh",
	"Sri Lankan": "Sri Lanka", "Nepali": "Nepal", "Mongolian": "Mongolia", "Ethiopian": "Ethiopia",
}

var countries = set("China", "Malaysia", "United States", "Singapore", "Indonesia", "Thailand", "Vietnam",
	"Viet Nam", "Philippines", "Japan", "South Korea", "Korea", "India", "United Kingdom", "Britain", "France",
	"Germany", "Russia", "Australia", "Brazil", "Egypt", "Saudi Arabia", "Pakistan", "Cambodia", "Laos",
	"Myanmar", "Brunei", "Kenya", "Nigeria", "South Africa", "Canada", "Mexico", "Italy", "Spain", "Turkey",
	"Iran", "United Arab Emirates", "Kazakhstan", "Uzbekistan", "Peru", "Chile", "Argentina", "New Zealand",
	"Bangladesh", "Sri Lanka", "Nepal", "Mongolia", "Ethiopia", "the United States", "U.S.", "Timor-Leste")

var cities = map[string]string{
	"Beijing": "China", "Shanghai": "China", "Guangzhou": "China", "Shenzhen": "China", "Hong Kong": "China",
	"Macao": "China", "Nanning": "China", "Qinzhou": "China", "Wuhan": "China", "Chengdu": "China",
	"Hangzhou": "China", "Tianjin": "China", "Chongqing": "China", "Xiamen": "China", "Kunming": "China",
	"Kuala Lumpur": "Malaysia", "Putrajaya": "Malaysia", "Cyberjaya": "Malaysia", "Penang": "Malaysia",
	"Johor Bahru": "Malaysia", "Kuantan": "Malaysia", "Kota Kinabalu": "Malaysia", "Kuching": "Malaysia",
	"Malacca": "Malaysia", "Melaka": "Malaysia", "Ipoh": "Malaysia", "Jakarta": "Indonesia",
	"Bangkok": "Thailand", "Hanoi": "Vietnam", "Ho Chi Minh City": "Vietnam", "Manila": "Philippines",
	"Phnom Penh": "Cambodia", "Vientiane": "Laos", "Yangon": "Myanmar", "Tokyo": "Japan", "Seoul": "South Korea",
	"New Delhi": "India", "Mumbai": "India", "London": "United Kingdom", "Paris": "France", "Berlin": "Germany",
	"Moscow": "Russia", "Sydney": "Australia", "Canberra": "Australia", "Washington": "United States",
	"New York": "United States", "Dubai": "United Arab Emirates", "Riyadh": "Saudi Arabia", "Cairo": "Egypt",
	"Nairobi": "Kenya", "Islamabad": "Pakistan", "Astana": "Kazakhstan", "Brussels": "", "Geneva": "",
}

// weekdays by name.
var weekdays = set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

// months of the year, by name.
var months = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12}

// numberWords are counts written out.
var numberWords = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozens": ""}

// scales multiply an amount.
var scales = map[string]string{"thousand": "1000", "million": "1000000", "mn": "1000000", "m": "1000000",
	"billion": "1000000000", "bn": "1000000000", "b": "1000000000", "trillion": "1000000000000", "tn": "1000000000000"}

// currencySymbols map a prefix to an ISO code, longest first.
var currencySymbols = []struct{ sym, code string }{
	{"US$", "USD"}, {"USD", "USD"}, {"S$", "SGD"}, {"A$", "AUD"}, {"HK$", "HKD"}, {"RM", "MYR"}, {"Rp", "IDR"}, {"RP", "IDR"},
	{"RMB", "CNY"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "CNY"}, {"$", "USD"}, {"EUR", "EUR"},
}

// currencyCountries map a country's own currency to the country.
var currencyCountries = map[string]string{"MYR": "Malaysia", "IDR": "Indonesia", "CNY": "China", "THB": "Thailand",
	"SGD": "Singapore", "JPY": "Japan", "KRW": "South Korea", "INR": "India", "VND": "Vietnam", "PHP": "Philippines",
	"GBP": "United Kingdom", "AUD": "Australia"}

// currencyWords follow an amount.
var currencyWords = map[string]string{"yuan": "CNY", "ringgit": "MYR", "dollars": "USD", "U.S. dollars": "USD",
	"US dollars": "USD", "euros": "EUR", "rupiah": "IDR", "baht": "THB", "yen": "JPY", "won": "KRW",
	"pounds": "GBP", "rupees": "INR", "dong": "VND", "pesos": "PHP", "renminbi": "CNY"}

// describers head an unnamed speaker: "an expert", "local media".
var describers = set("operator", "company", "industry", "analysts", "traders", "economists", "expert", "experts", "official", "officials", "analyst", "analysts", "media", "source",
	"sources", "representative", "representatives", "leaders", "staff", "member", "members", "executive",
	"executives", "observers", "economists", "economist", "diplomats", "diplomat", "insiders", "residents",
	"spokesperson", "statement", "report", "people", "participants", "delegates", "scholars", "researchers")

// stopwords are capitalized only because they begin a sentence.
var stopwords = set("The", "A", "An", "In", "On", "At", "This", "That", "These", "Those", "It", "He", "She",
	"They", "We", "I", "Amid", "Furthermore", "However", "Meanwhile", "Also", "But", "And", "Building",
	"Responding", "Scheduled", "According", "As", "By", "For", "From", "With", "While", "Its", "Their", "His",
	"Her", "Our", "Both", "Such", "Since", "After", "Before", "During", "Under", "Over", "Among", "Despite",
	"Moreover", "Besides", "Additionally", "Last", "Next", "Earlier", "Later", "Today", "Yesterday", "When",
	"If", "Although", "Through", "To", "Of", "Speaking", "Asked", "Overall",
	"Inspired", "Following", "Thanks", "Separately", "Now", "There", "Here", "What", "Many", "Some", "Most",
	"All", "Each", "Every", "Other", "Another", "Several", "Only", "Even", "Still", "Yet", "So", "Then",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Translator", "Editor",
	"Reporter", "Photo", "Source", "Note", "Two", "Three", "Four", "Five", "One", "First", "Second", "Third")

// projectHeads make a name a project, with its kind.
var projectHeads = map[string]string{
	"railway": "infrastructure", "railroad": "infrastructure", "highway": "infrastructure",
	"expressway": "infrastructure", "bridge": "infrastructure", "airport": "infrastructure",
	"dam": "infrastructure", "pipeline": "infrastructure", "tunnel": "infrastructure", "corridor": "infrastructure",
}
