"""Quote extraction on news writing the extractor was not written for, and on each pattern the issue names."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_helpers import NEWS

from counterpoint.ingest import Quote, extract_quotes, load_document

# Invented articles (tests/ingest/news): each quotation, by words it contains, and who said it.
GOLD: dict[str, list[tuple[str, str | None]]] = {
    "transit-levy.txt": [
        ("We are not going to rush a tax increase", "Maria Delgado"),
        ("People deserve to see the numbers first", "Maria Delgado"),
        ("a disappointment but not a defeat", "Thomas Whitfield"),
        ("Every month we wait", "Thomas Whitfield"),
        ("the city has not explained where a single dollar", "Alan Cho"),
        ("consider every legal option", "Alan Cho"),
        ("I have been riding the Number 9 bus", "Denise Harper"),
        ("It was late again this morning", "Denise Harper"),
        ("Nothing is off the table", "Maria Delgado"),
        ("welcomes any decision that gives riders certainty", "Priya Natarajan"),
    ],
    "vaccine-hearing.txt": [
        ("We made mistakes in the first weeks", "Helen Marsh"),
        ("Eight in ten adults have now had a first dose", "Helen Marsh"),
        ("When my state asked for more doses", "Ray Okafor"),
        ("Our hospitals cannot wait", "Ray Okafor"),
        ("Why did governors learn about the shortfall", "Joan Ellery"),
        ("share everything we know", "Helen Marsh"),
        ("a routine exercise, not a referendum", "A senior administration official"),
        ("left at the back of the line", "Ray Okafor"),
        ("I told my team", "Helen Marsh"),
    ],
    "rail-fares.txt": [
        ("We cannot keep asking commuters", "Priya Anand"),
        ("A cap is the least we can do", "Priya Anand"),
        ("Every pound spent on a fares cap", "a Treasury source"),
        ("This is the first sensible thing", "Mick Dawson"),
        ("lead to cuts in services", "the rail operators' trade body"),
        ("I'm confident it will", "Priya Anand"),
    ],
    "spending-deal.txt": [
        ("We're not going anywhere", "Mike Johnson"),
        ("The votes are there", "Mike Johnson"),
        ("Where is the money for housing?", "Alexandria Ocasio-Cortez"),
        ("The outlook remains uncertain", "Federal Reserve"),
        ("I have never seen Congress this divided", "Jane Whitaker"),
        ("It is a fragile compromise", "Anita Rao"),
        ("One bad jobs report", "Anita Rao"),
        ("This bill is a disgrace", "Elon Musk"),
        ("I was wrong about one of the numbers", "Elon Musk"),
        ("reduce deficits by roughly", "Congressional Budget Office"),
        ("We will review the text carefully", "Chuck Schumer"),
        ("Nobody should expect a vote this week", "Chuck Schumer"),
        ("the best we could get under the circumstances", "Chuck Schumer"),
        ("We'll see on Friday", "Mike Johnson"),
        ("I'm confident", "Mike Johnson"),
    ],
    "storm-outage.txt": [
        ("Our crews have been working around the clock", "Karen Liu"),
        ("This is a serious storm", "Ellen Brooks"),
        ("Stay off the roads", "Ellen Brooks"),
        ("The whole house shook", "Marcus Bell"),
        ("We didn't sleep at all", "Marcus Bell"),
        ("Rivers will continue to rise", "Dana Ortiz"),
        ("If you see a wire on the ground", "Robert Klein"),
        ("It's going to be a long cleanup", "Robert Klein"),
    ],
    "rates-wrapped.txt": [  # hard-wrapped at 72 columns, as mailing lists and wire copy are
        ("We're not there yet", "Jerome Powell"),
        ("The data have been encouraging, but we need to see more of it", "Jerome Powell"),
        ("The Fed is behind the curve again", "Priya Menon"),
        ("By the time they move, the slowdown will already be here", "Priya Menon"),
        ("The labor market remains remarkably strong", "Janet Yellen"),
    ],
    "school-closures.txt": [
        ("Every dollar we spend heating an empty classroom", "Marcus Hale"),
        ("My daughter has gone to Lincoln since kindergarten", "Teresa Morales"),
        ("Nobody on this board asked us what we wanted", "Teresa Morales"),
        ("rushed and poorly explained", "James Whitfield"),
        ("I support consolidation in principle", "James Whitfield"),
        ("I do not support doing it this way", "James Whitfield"),
        ("listened carefully to every concern", "Carol Nguyen"),
        ("work with families to make this transition", "Derek Olsen"),
        ("We are going to do this right", "Marcus Hale"),
        ("Families will have a say", "Marcus Hale"),
    ],
    "drug-recall.txt": [
        ("Patients should not stop taking their medication", "Food and Drug Administration"),
        ("The risk of stopping abruptly", "Food and Drug Administration"),
        ("Patient safety is our highest priority", "Alicia Brandt"),
        ("I've had a dozen calls this morning", "Raj Patel"),
        ("The amounts involved are very small", "Susan Greer"),
        ("people deserve clear answers", "Susan Greer"),
        ("This keeps happening because nobody is inspecting", "Michael Ortega"),
        ("The FDA knows it, and Congress knows it", "Michael Ortega"),
    ],
    "late-winner.txt": [
        ("rode their luck", "Pep Alvarez"),
        ("I kept telling myself the next one would go in", "Jonas Berg"),  # "the 24-year-old said"
        ("When it did, I didn't know where to run", "Jonas Berg"),
        ("We were not good today", "Pep Alvarez"),
        ("If we play like this next week, we lose", "Pep Alvarez"),
        ("It's a foul on my goalkeeper", "Mark Devlin"),
        ("Everybody in the stadium saw it", "Mark Devlin"),
        ("He has his opinion", "Pep Alvarez"),
    ],
    "migration-pact.txt": [
        ("Italy cannot be Europe's waiting room", "Giulia Ferrante"),
        ("Solidarity works in both directions", "Pieter de Vries"),
        ("Countries that receive support must also register", "Pieter de Vries"),
        ("If we fail again, the only winners will be the smugglers", "Ursula Brandt"),
        ("never accept quotas imposed from Brussels", "Zoltan Kiss"),
        ("Everyone is waiting for the elections", "one senior EU diplomat"),
    ],
    "voting-law.txt": [
        ("no credible evidence", "Helena Markovic"),
        ("The burden falls hardest on the voters", "Helena Markovic"),
        ("This is a reasonable law", "Brian Tolliver"),
        ("Today the court said what we have been saying", "Danielle Okoye"),
        ("You cannot make it harder to vote", "Danielle Okoye"),
        ("Most citizens already carry two forms of ID", "Roy Castellano"),
    ],
    "salt-batteries.txt": [  # feature style: present tense, "says"
        ("Lithium is wonderful, but it's expensive", "Nadia Farouk"),
        ("Sodium is everywhere", "Nadia Farouk"),
        ("I've seen a hundred battery startups", "Tom Reilly"),
        ("These people had a working cell", "Tom Reilly"),
        ("For grid storage, they could be a very good fit", "Gwen Albright"),
        ("I'd be surprised", "Gwen Albright"),
        ("We're not trying to put this in a sports car", "Nadia Farouk"),
        ("We're trying to keep the lights on", "Nadia Farouk"),
    ],
    "downtown-shooting.txt": [
        ("This was a dispute between people who knew each other", "Karen Shaw"),
        ("There is no ongoing threat to the public", "Karen Shaw"),
        ("I heard four or five shots", "Luis Ortega"),
        ("People were screaming. I just ran.", "Luis Ortega"),
        ("They were loud, but I didn't think", "Kayla Simmons"),
        ("Our residents deserve to feel safe", "Denise Park"),
        ("We need officers on foot", "Denise Park"),
        ("drawing big conclusions from one terrible night", "Raymond Boyd"),
    ],
    "governor-profile.txt": [
        ("I have a job, and I intend to do it", "Elaine Hartwell"),
        ("Everything else is noise", "Elaine Hartwell"),
        ("the most talented politician in the party", "Mark Feeney"),
        ("about fixing culverts, not giving speeches", "Elaine Hartwell"),
        ("a very good campaigner and a very average governor", "Paul Driscoll"),
        ("She's great on a stage", "Paul Driscoll"),
        ("Ask her what's in the budget", "Paul Driscoll"),
        ("Paul has been saying that for ten years", "Elaine Hartwell"),
        ("He's still wrong", "Elaine Hartwell"),
    ],
    "quake-aid.txt": [
        ("There were shortcomings", "Kemal Aydin"),
        ("We dug with our hands for two days", "Mehmet Kaya"),
        ("Every hour counts", "Orhan Demir"),
        ("We will not stop while there is a chance", "Orhan Demir"),
        ("People who survived the quake are now at risk", "Leyla Arslan"),
        ("Turkey is not alone", "Ingrid Holm"),
    ],
    "chip-forecast.txt": [
        ("Demand for our accelerators continues to outstrip supply", "Sam Okonkwo"),
        ("We've been very disciplined on costs", "Rebecca Lindqvist"),
        ("You'll see that in the numbers", "Rebecca Lindqvist"),
        ("This was a clean beat across the board", "Omar Said"),
        ("The only question is whether they can build chips", "Omar Said"),
        ("completely detached from reality", "Priscilla Vance"),
    ],
    "ocean-heat.txt": [
        ("The oceans are the memory of the climate system", "Lijing Chen"),
        ("What we put in now will stay there for centuries", "Lijing Chen"),
        ("unprecedented in the observational record", "the researchers"),
        ("Every year we say it's a record", "Kevin Marsh"),
        ("At some point people stop hearing it", "Kevin Marsh"),
        ("One year is weather, not climate", "Anna Pike"),
        ("beyond any reasonable doubt", "Anna Pike"),
    ],
    "housing-plan.txt": [
        ("the most ambitious housing program", "Rosa Delgado"),
        ("For too long, working families have been priced out", "Rosa Delgado"),
        ("That ends now", "Rosa Delgado"),
        ("a real start", "Marcus Reyes"),
        ("Twenty thousand units sounds great", "Gail Thornton"),
        ("Show me where the money comes from", "Gail Thornton"),
        ("long on promises and short on details", "Victor Huang"),
        ("politics, pure and simple", "Eli Brandt"),
    ],
    "rail-strike.txt": [  # British style: single quotation marks
        ("left with no choice", "Dave Morton"),
        ("We have been at the table for eleven hours", "Dave Morton"),
        ("Our members are angry", "Dave Morton"),
        ("We have made a fair offer", "A spokesperson"),
        ("Passengers are paying the price", "Helen Price"),
        ("I'll work from home again", "Sam Patel"),
        ("It's the third time this year", "Sam Patel"),
    ],
    "coach-fired.txt": [
        ("This was not an easy decision", "Frank Delaney"),
        ("But results matter in this business", "Frank Delaney"),
        ("grateful for the opportunity", "Tony Barrett"),
        ("We're not looking for a project", "Lou Ferris"),
        ("We want someone who can win now", "Lou Ferris"),
        ("We didn't execute", "Dre Watkins"),
        ("You can't put that all on Coach", "Dre Watkins"),
        ("Lou has my confidence", "Frank Delaney"),
    ],
    "nurses-strike.txt": [
        ("We are exhausted", "Maria Santos"),
        ("That is not safe for anyone", "Maria Santos"),
        ("They love the work", "Maria Santos"),
        ("They just can't do it like this anymore", "Maria Santos"),
        ("meet or exceed state requirements", "Janet Cole"),
        ("We respect our nurses", "Janet Cole"),
        ("A strike would not be good for anyone", "Janet Cole"),
        ("exactly why this legislation is needed", "Dan Whitaker"),
    ],
    "app-store-suit.txt": [
        ("Orbit has used its control of the app store", "Ruth Kessler"),
        ("This lawsuit is wrong on the facts", "Orbit Inc."),  # "the company said"
        ("Antitrust cases of this size are marathons", "Helen Ng"),
        ("Don't expect a ruling before 2027", "Helen Ng"),
        ("Every month, a third of our revenue", "Jake Morrow"),
    ],
    "final-debate.txt": [
        ("massive tax increase on working families", "Tom Haskins"),
        ("That is simply not true", "Linda Okafor"),
        ("I have never proposed raising taxes", "Linda Okafor"),
        ("Not once", "Linda Okafor"),
        ("Then explain how you pay for universal pre-K", "Tom Haskins"),
        ("Because the math doesn't work", "Tom Haskins"),
        ("common-sense measures that keep guns away", "Linda Okafor"),
        ("a trained officer in every school building", "Tom Haskins"),
        ("It was a draw, and a draw helps the front-runner", "Amy Chu"),
    ],
    "pianist-obituary.txt": [
        ("He played until the very end", "Monique Graves"),
        ("His hands still knew everything", "Monique Graves"),
        ("the most generous musician I ever played with", "Curtis Lane"),
        ("He would leave space for you", "Curtis Lane"),
        ("Walter let the music breathe", "Curtis Lane"),
        ("I don't play notes", "Walter Graves"),
        ("I play the silence between them", "Walter Graves"),
    ],
    "airline-outage.txt": [
        ("We sincerely apologize to our customers", "Daniel Ruiz"),
        ("We know many of you are missing time", "Daniel Ruiz"),
        ("I've been here since five this morning", "Kim Alvarez"),
        ("The app says one thing", "Kim Alvarez"),
        ("Travelers deserve to know what happened", "Paul Grant"),
        ("They've been patching the same software", "Robert Mann"),
    ],
    "confidence-vote.txt": [
        ("This is not the moment for games", "Anna Lindgren"),
        ("Our country faces a difficult winter", "Anna Lindgren"),
        ("They did not send us here to fight each other", "Anna Lindgren"),  # a second paragraph
        ("She talks about stability", "Karl Berg"),
        ("Will you call an early election?", "one reporter"),
        ("No", "Anna Lindgren"),  # '"No," she replied.'
        ("judge the government by what it does", "Sofia Dahl"),
    ],
    "factory-lawsuit.txt": [
        ("My husband and I both have cancer", "Deborah Kline"),
        ("At some point you have to ask why", "Deborah Kline"),
        ("They had the data, and they chose profits over people", "Michael Torres"),
        ("We take the concerns of our neighbors seriously", "Harlan Chemical"),
        ("defend itself vigorously in court", "Harlan Chemical"),
    ],
    "water-rules.txt": [
        ("They are telling us to farm with our hands tied", "Ray Jennings"),
        ("If we do nothing, there won't be any water left", "Karla Mendez"),
        ("Two hundred million dollars sounds like a lot", "Beth Alvarado"),
        ("Nobody is saying we don't have a water problem", "Troy Pruitt"),
        ("We're saying you can't fix it overnight", "Troy Pruitt"),
    ],
    "wildfire-evacuations.txt": [
        ("We are seeing fire behavior", "Ramon Espinoza"),
        ("The winds are pushing embers", "Ramon Espinoza"),
        ("No structure is worth a firefighter's life", "Ramon Espinoza"),
        ("If you feel unsafe, go", "Linda Castellanos"),
        ("bring every resource we have to bear", "Miguel Tran"),
        ("I looked out the back window", "Walt Hennessey"),
        ("I don't know if there's anything left", "Walt Hennessey"),
        ("My phone went off at 2 in the morning", "Carla Ruiz"),
        ("There's no relief in the forecast", "Dan Whitlock"),
        ("working closely with first responders", "Pacific Gas & Electric"),
        ("as soon as it is safe to do so", "Pacific Gas & Electric"),
    ],
    "hospital-waiting.txt": [
        ("I will not pretend that we are where we wanted to be", "Rebecca Holloway"),
        ("But the direction of travel is right", "Rebecca Holloway"),
        ("Every month they tell us the corner has been turned", "Daniel Okoro"),
        ("Behind each of these figures", "Alan Petrie"),
        ("We have patients coming back to us", "Fiona McAllister"),
        ("It is not a way to treat people", "Fiona McAllister"),
        ("more operations and appointments than ever before", "An NHS England spokesman"),
        ("Staff are working incredibly hard", "An NHS England spokesman"),
        ("These are not numbers on a spreadsheet", "Sarah Whitcombe"),
    ],
    "water-main.txt": [
        ("It sounded like a waterfall", "Tonya Marks"),
        ("I went out in my slippers", "Tonya Marks"),
        ("This is exactly the kind of failure", "Greg Halvorsen"),
        ("I want to thank the crews", "Joyce Brennan"),
        ("Nobody came to tell us anything", "Derek Olsen"),
        ("I had to send eleven kids home", "Derek Olsen"),
    ],
    "chef-profile.txt": [
        ("People think I'm being stubborn", "Marguerite Okonkwo"),
        ("She'll fire a supplier", "Emeka Okonkwo"),
        ("I was a terrible student", "Marguerite Okonkwo"),
        ("a quiet revelation", "a reviewer for the Free Press"),
        ("She never talks about it", "Luis Ferrer"),
        ("I only do it to the ones I like", "Marguerite Okonkwo"),
        ("The others, I don't care what they read", "Marguerite Okonkwo"),
        ("Not while I can stand", "Marguerite Okonkwo"),
    ],
    "plant-layoffs.txt": [
        ("a comprehensive review of our manufacturing footprint", "Brightwater Foods Inc."),
        ("This was an extremely difficult decision", "Janet Albrecht"),
        ("We are committed to treating every affected employee", "Janet Albrecht"),
        ("They read a statement off a piece of paper", "Tom Reinholt"),
        ("a gut punch", "Paula Driscoll"),
        ("Brightwater has been part of this community", "Paula Driscoll"),
        ("We found out the same way", "Mark Delaney"),
        ("in the coming days", "Erin Castillo"),
    ],
    "foster-sentencing.txt": [
        ("You took the best part of my life", "Linda Foster"),
        ("She was going to be a nurse", "Linda Foster"),
        ("I have tried", "Greg Foster"),
        ("I am so sorry", "Kevin Marsh"),
        ("I think about her every day", "Kevin Marsh"),
        ("cannot be undone by any sentence", "Teresa Villanueva"),
        ("You made a choice to get behind the wheel", "Teresa Villanueva"),
        ("Kevin has never tried to make excuses", "Rachel Stein"),
    ],
    "mayor-interview.txt": [
        ("How many people already have my cell phone number", "Sofia Ortiz"),
        ("I didn't know it was this bad", "Sofia Ortiz"),
        ("in better shape than they've been in a decade", "Richard Hale"),
        ("The numbers are the numbers", "Sofia Ortiz"),
        ("We are going to allow more homes near transit", "Sofia Ortiz"),
        ("I'm not going to vote for a slogan", "Andre Mitchell"),
        ("He's going to push me", "Sofia Ortiz"),
        ("Route 12, every morning", "Sofia Ortiz"),
    ],
    "council-tweets.txt": [
        ("Nobody up here wants to build a bigger jail", "Diane Kessler"),
        ("a monument to failed policy", "Paul Whitaker"),
        ("We are filling that jail", "Paul Whitaker"),
        ("My staff is exhausted", "Tamara Boone"),
        ("I will be back next week", "Harold Jensen"),
        ("should not be rushed into a decision", "Paul Whitaker"),
        ("They're going to see our faces", "Jasmine Cole"),
    ],
    "measles-cluster.txt": [
        ("Measles is one of the most contagious", "Helen Achebe"),
        ("The vaccine is safe", "Helen Achebe"),
        ("I understand the frustration", "Robert Lang"),
        ("questions that no one will answer", "Melissa Grant"),
        ("We talked about it all weekend", "Tyler Grant"),
        ("People remember measles as a rash", "Samuel Ito"),
        ("That trend is the story here", "Karen Doyle"),
    ],
    "ceasefire-talks.txt": [
        ("Every day without an agreement", "Lars Henriksen"),
        ("in good faith", "Amina Yusuf"),
        ("We have made our proposal", "Amina Yusuf"),
        ("They sign, and then they bomb", "Idris Maalouf"),
        ("We have the teams in place", "Claire Dubois"),
        ("will not accept conditions dictated by armed groups", "Hassan Nouri"),
    ],
    "senate-border.txt": [
        ("not read a word of it", "Dale Rutherford"),
        ("I have heard people say this bill", "Dale Rutherford"),
        ("It gives the president new power", "Dale Rutherford"),
        ("worse than nothing", "Curtis Vance"),
        ("codifies the crisis instead of ending it", "Curtis Vance"),
        ("The American people want us to act", "Nora Feld"),
        ("We are going to find out who is serious", "Nora Feld"),
        ("I don't know. Ask the Republicans", "Peter Osgood"),
        ("only a fool, or a Radical Left Democrat", "Harlan Brooks"),
        ("There are parts of this that I like", "Ellen Marsh"),
        ("I want to see the final text", "Ellen Marsh"),
    ],
    "earnings-call.txt": [
        ("We did not execute well this holiday season", "Dana Whitfield"),
        ("Our stores were not stocked", "Dana Whitfield"),
        ("Most of that is markdowns", "Raj Patel"),
        ("This is the third guidance cut", "Mara Goldstein"),
        ("At some point you have to ask", "Mara Goldstein"),
        ("looks increasingly out of reach", "Tim O'Connell"),
        ("painful but necessary", "Dana Whitfield"),
    ],
    "derby-report.txt": [
        ("I just closed my eyes and attacked the ball", "Emmanuel Okafor"),
        ("I owe them a drink tonight", "Emmanuel Okafor"),
        ("We were not at our best", "Pep Alvarez"),
        ("That is worth more than any tactic", "Pep Alvarez"),
        ("It's a penalty all day long", "Graham Thornton"),
        ("I'm not going to say any more", "Graham Thornton"),
        ("You can't switch off at a corner", "Graham Thornton"),
        ("Fair play to them", "Jack Pearson"),
        ("They wanted it more at the end", "Jack Pearson"),
    ],
    "coral-study.txt": [
        ("We were honestly surprised", "Mele Tuilagi"),
        ("What we saw was a strong one", "Mele Tuilagi"),
        ("This buys time", "Mele Tuilagi"),
        ("If warming continues at the current pace", "Mele Tuilagi"),
        ("a reason for cautious optimism", "Jonas Berg"),
        ("The worry is that people read this", "Graham Foley"),
        ("The only thing that will save them", "Graham Foley"),
    ],
    "flood-council.txt": [
        ("I have lived here all my life", "Jean Ashworth"),
        ("I sleep with my wellies next to the bed", "Jean Ashworth"),
        ("That money was meant for our old age", "Peter Ashworth"),
        ("I understand how angry people are", "Karen Doyle"),
        ("But I cannot give you a date tonight", "Karen Doyle"),
        ("We have done what is in our power", "Simon Blake"),
        ("These people have been let down", "Rachel Hume"),
        ("They will get sick of the sight of us", "Jean Ashworth"),
    ],
    "police-standoff.txt": [
        ("We had information that he had access to firearms", "Ana Morales"),
        ("Our priority from the first minute", "Ana Morales"),
        ("We grabbed the dog and the kids", "Frank DiSalvo"),
        ("You don't think it's going to be your street", "Frank DiSalvo"),
        ("Everybody on this block knew something was wrong", "Another neighbor"),
        ("review every contact we have had with this address", "Ana Morales"),
    ],
    "tech-hearing.txt": [
        ("You have blood on your hands", "Rosalind Grier"),
        ("You have a product that is killing people", "Rosalind Grier"),
        ("I'm sorry for everything you have all been through", "Marcus Hale"),
        ("has not shown a causal link", "Marcus Hale"),
        ("you keep telling us you're working on it", "Owen Whitaker"),
        ("An apology is words", "Deborah Lin"),
        ("I want a law", "Deborah Lin"),
    ],
    "press-release.txt": [
        ("Lisa is a proven leader", "Richard Alston"),
        ("The board was unanimous", "Richard Alston"),
        ("I am honored to join an organization", "Lisa Moreno"),
        ("Harbor Health's people are its greatest strength", "Lisa Moreno"),
        ("It has been the privilege of my life", "Thomas Keane"),
        ("I am confident that Harbor Health is in excellent hands", "Thomas Keane"),
    ],
    "nyt-zoning.txt": [
        ("I’m not against anybody living here", "Carol Benson"),
        ("I’m against a decision this big", "Carol Benson"),
        ("Every time something comes up in our price range", "David Chen"),
        ("We are the people this is supposed to help", "David Chen"),
        ("This is not Manhattan", "Ruth Adeyemi"),
        ("We are talking about a house with a second front door", "Ruth Adeyemi"),
        ("The board has the authority", "Frank Benson"),
        ("That doesn’t make it wise", "Frank Benson"),
        ("I have lived here forty years", "Carol Benson"),
        ("I don’t think I need a lecture", "Carol Benson"),
    ],
    "recall-magazine.txt": [
        ("I remember thinking, this is the moment", "Farah Siddiqui"),
        ("I wasn’t ready. But I didn’t sign it", "Farah Siddiqui"),
        ("a dozen engineers, not just one", "Gregory Vance"),
        ("Farah was a good engineer", "Gregory Vance"),
        ("I resent the implication", "Gregory Vance"),
        ("has always put the safety of our customers first", "a spokeswoman"),
        ("I’m an engineer", "Farah Siddiqui"),
        ("I was asked a question about a brake line", "Farah Siddiqui"),
    ],
    "instagram-apology.txt": [
        ("I tried. I really, really tried", "Jade Marlowe"),
        ("I'm going to make it right", "Jade Marlowe"),
        ("We understand the frustration and disappointment", "Skyline Live"),
        ("We found out from a TikTok", "Kaylee Rodriguez"),
        ("If she's sick, she's sick", "Denise Rodriguez"),
        ("But somebody should have told us sooner", "Denise Rodriguez"),
        ("We were as surprised as anyone", "Scott Lindqvist"),
    ],
    "union-vote.txt": [
        ("We did this. Nobody gave it to us", "Lorraine Mabry"),
        ("We stood up, and we won", "Lorraine Mabry"),
        ("We don’t believe this result reflects", "Tessa Grange"),
        ("send a message to every warehouse worker", "Harold Kessler"),
        ("Winning the election is the easy part", "Miriam Oduya"),
        ("The company has every incentive", "Miriam Oduya"),
        ("I just want to do my job and go home", "Calvin Brooks"),
    ],
    "eu-trade.txt": [
        ("within touching distance", "European Union negotiators"),
        ("a handful of technical questions", "Pieter van der Berg"),
        ("We have been talking about this agreement", "Pieter van der Berg"),
        ("I would like it to be finished", "Pieter van der Berg"),
        ("Brazil has done its part", "Ana María de la Cruz"),
        ("We have made concessions on deforestation", "Ana María de la Cruz"),
        ("We are not against trade", "Étienne Rousseau-Lambert"),
        ("We are against trade that destroys our farms", "Étienne Rousseau-Lambert"),
        ("If Europe does not make this deal, others will", "Heike Brandt"),
        ("not yet convinced", "A Polish diplomat"),
        ("The world is not waiting for us", "Heike Brandt"),
        ("They will hear us", "Søren Ødegaard"),
    ],
    "murder-trial.txt": [
        ("guesswork and a grudge", "Robert F. Hale Jr."),
        ("The defendant told police he was home all night", "Michelle Okafor"),
        ("Phones don't lie, ladies and gentlemen", "Michelle Okafor"),
        ("The prosecution wants you to fill the holes", "Robert F. Hale Jr."),
        ("The law doesn't let you do that", "Robert F. Hale Jr."),
        ("He was in Nevada. We proved it", "Michelle Okafor"),
        ("Take all the time you need", "Allen Mbeki"),
        ("Do not discuss this case with anyone", "Allen Mbeki"),
        ("Tommy deserved better than this", "Marisol Reyes"),
    ],
    "bus-crash-tv.txt": [
        ("It was very scary, but the kids were incredibly brave", "Marcus Webb"),
        ("By the time we got here", "Marcus Webb"),
        ("Our hearts are with every family tonight", "Janine Kowalczyk"),
        ("We are grateful to the first responders", "Janine Kowalczyk"),
        ("Mom, the bus flipped", "Angela Russo"),
        ("I don't think I breathed until I saw him", "Angela Russo"),
    ],
    "couple-shop.txt": [
        ("We're tired", "Marjorie Kowalski"),
        ("Forty years is a long time to be on your feet", "Marjorie Kowalski"),
        ("I'll probably still come down here every morning", "Ed Kowalski"),
        ("The new owners will have to call the police on me", "Ed Kowalski"),
        ("You'd come in for a washer", "Bill Dempsey"),
        ("Mom was always ready", "Anne Kowalski-Hart"),
        ("I think he finally realized she was right", "Anne Kowalski-Hart"),
        ("Ask him. I have no idea", "Marjorie Kowalski"),
    ],
    "pm-reshuffle.txt": [
        ("I have asked people to serve in roles", "Catherine Holt"),
        ("That is what any leader does", "Catherine Holt"),
        ("They have served this country well", "Catherine Holt"),
        ("Twelve years in parliament and I got a text", "Nigel Osborne-Price"),
        ("That tells you everything", "Nigel Osborne-Price"),
        ("She has made enemies today", "One senior MP"),
        ("a government rearranging the deckchairs", "Martin Achebe"),
        ("People don't care who sits in which chair", "Martin Achebe"),
        ("Backing British business will be my priority", "Priya Lal"),
    ],
    "hoops-recap.txt": [
        ("I told Coach I was good to go", "Marcus Thompson"),
        ("When we were down 17", "Marcus Thompson"),
        ("We've been in that spot before and folded", "Jalen Moore"),
        ("finally defended for 48 minutes", "Dwayne Carter"),
        ("We stopped moving the ball", "Linda Sorensen"),
        ("You do that against a team with shooters", "Linda Sorensen"),
        ("That one's on us", "Anthony Reyes"),
        ("We had it and we gave it away", "Anthony Reyes"),
    ],
    "landlord-suit.txt": [
        ("engaged in a deliberate pattern of neglect", None),
        ("I was sleeping in my coat", "Yolanda Pierce"),
        ("Nobody ever called me back", "Yolanda Pierce"),
        ("My daughter has asthma", "Luis Santana"),
        ("Where am I going to go?", "Luis Santana"),
        ("This is not a landlord who fell behind", "Hannah Fischer"),
        ("This is a business model", "Hannah Fischer"),
        ("We have no comment", "A man"),
        ("use every enforcement tool available", "the city's housing department"),
    ],
    "flu-season.txt": [
        ("We are seeing a lot of very sick people", "Aisha Rahman"),
        ("It's not too late", "Aisha Rahman"),
        ("Our nurses are tired", "Gail Pettersen"),
        ("taken a real toll", "Kevin Albright"),
        ("Then let's make it", "Donna Carver"),
        ("We can find the money for this", "Donna Carver"),
        ("If you have a parent or a grandparent", "Aisha Rahman"),
        ("Do it for them if you won't do it for yourself", "Aisha Rahman"),
    ],
    "mayor-rebuild.txt": [
        ("We will rebuild every home", "Teresa Quinn"),
        ("I don't care how long it takes", "Teresa Quinn"),
        ("The mayor says rebuild", "Maria Gutierrez"),
        ("My insurance company won't call me back", "Maria Gutierrez"),
        ("Forty years I've lived on this street", "Tom Becker"),
        ("within the week, maybe sooner", "A person familiar with the state's response"),
    ],
    "refinery-translator.txt": [
        ("go through every document and every valve", "Alejandro Ruiz Treviño"),
        ("If someone is responsible, they will answer for it", "Alejandro Ruiz Treviño"),
        ("He told us, 'One day something is going to happen there", "Rosa Elena Morales"),
        ("Nobody listened to him", "Rosa Elena Morales"),
        ("We have the reports", "Héctor Villarreal"),
        ("they never did", "Héctor Villarreal"),
    ],
    "startup-funding.txt": [
        ("Utilities are desperate for storage", "Priya Venkataraman"),
        ("This money is about building faster", "Priya Venkataraman"),
        ("We want to build these where they are going to be used", "Owen Gallagher"),
        ("They kept hitting numbers", "Lisa Tran"),
        ("There is a lot of money chasing a few good ideas", "Sam Whitaker"),
        ("Some of these firms will not be around", "Sam Whitaker"),
        ("Skeptics said the same thing about solar", "Priya Venkataraman"),
    ],
    "sisters-cafe.txt": [
        ("She never measured anything", "Hannah Park"),
        ("We had to watch her hands and guess", "Hannah Park"),
        ("She thinks the menu is too long", "Grace Park"),
        ("We're both probably wrong", "Grace Park"),
        ("The menu is perfect", "Hannah Park"),
        ("I've tried to cook the rice cakes at home", "Dev Malhotra"),
        ("There's something they're not telling me", "Dev Malhotra"),
        ("Then she said, 'Too salty", "Grace Park"),
        ("And then she finished the whole bowl", "Grace Park"),
    ],
    "bridge-closure.txt": [
        ("We are not going to take chances", "Angela Fitzgerald"),
        ("Until we know exactly what we are dealing with", "Angela Fitzgerald"),
        ("Everybody knew this bridge was in bad shape", "Jerome Whitley"),
        ("Now they close it with no warning?", "Jerome Whitley"),
        ("I'm glad nobody got hurt", "Rosa Delgado"),
        ("But this didn't have to be an emergency", "Rosa Delgado"),
    ],
    "teacher-strike-uk.txt": [
        ("run out of patience", "Fiona Gillespie"),
        ("Nobody goes into teaching to go on strike", "Fiona Gillespie"),
        ("they have had enough", "Fiona Gillespie"),
        ("The door remains open", "Alasdair Munro"),
        ("Strikes will only harm the young people", "Alasdair Munro"),
        ("caught in the middle", "Lorna McKay"),
        ("I have every sympathy with the teachers", "Lorna McKay"),
        ("We will continue to work with all parties", "A spokesperson"),
    ],
    "court-gag.txt": [
        ("an extraordinary level of publicity", "Karen Liu"),
        ("The defendant is entitled to a fair trial", "Karen Liu"),
        ("Neither side will be permitted to try this case in the press", "Karen Liu"),
        ("one-sided in practice, if not on paper", "Marcus Delane"),
        ("The government has spent two years leaking", "Marcus Delane"),
        ("Now that we are answering back", "Marcus Delane"),
        ("Judges worry about the jury pool", "Elena Vasquez"),
        ("This order is pretty standard", "Elena Vasquez"),
    ],
    "zoo-birth.txt": [
        ("Kirana is being a wonderful, attentive mom", "Melanie Ortiz"),
        ("we're trying to stay out of her way", "Melanie Ortiz"),
        ("Every birth matters for a species", "Paul Henning"),
        ("These two cubs carry genes", "Paul Henning"),
        ("I know everyone wants to see them", "Carla Whitmore"),
        ("they'll be worth the wait", "Carla Whitmore"),
    ],
    "pension-vote.txt": [
        ("This is the most important vote", "Dolores Tran"),
        ("We are making sure there is a pension system left", "Dolores Tran"),
        ("a pay cut for every public servant", "Samuel Okonjo"),
        ("We're going to have a harder time filling classrooms", "Samuel Okonjo"),
        ("We will see them in court", "Gloria Haines"),
        ("making the tough call", "Raymond Ellis"),
    ],
    "museum-theft.txt": [
        ("This was not an amateur job", "Nicolas Aubert"),
        ("They knew exactly where they were going", "Nicolas Aubert"),
        ("You cannot put a price on some of these pieces", "Claire Fontaine"),
        ("They are part of the history of this city", "Claire Fontaine"),
        ("everything will be done to find those responsible", "Isabelle Marchand"),
        ("We have images. We have leads", "Nicolas Aubert"),
        ("I am confident we will find them", "Nicolas Aubert"),
    ],
    "divorce-lawyers.txt": [
        ("People assume it must be awful", "Rachel Ostrowski"),
        ("we were better law partners than we ever were spouses", "Rachel Ostrowski"),
        ("I'd write a memo", "Daniel Ostrowski"),
        ("We both knew it was ridiculous", "Daniel Ostrowski"),
        ("I asked for a raise", "Tina Alvarez"),
        ("We won. And walking out of the courthouse", "Rachel Ostrowski"),
        ("That was the end of the memos", "Rachel Ostrowski"),
        ("She was brilliant that day", "Daniel Ostrowski"),
        ("I just don't tell her", "Daniel Ostrowski"),
    ],
    "wildlife-post.txt": [
        ("A bear that is guarding a food source", "Hannah Cole"),
        ("We are asking visitors to respect these closures", "Hannah Cole"),
        ("I drove four hours for this hike", "Jamal Pierce"),
        ("I'd rather be bummed than be a headline", "Jamal Pierce"),
        ("Please, please carry bear spray", "the post"),
        ("The good news is the population is recovering", "Teresa Nakamura"),
        ("monitoring the situation closely", "Mark Delgado"),
        ("as soon as it is safe", "Mark Delgado"),
    ],
    "hospital-merger.txt": [
        ("When hospitals merge and competition disappears", "Holly Vance"),
        ("This merger would do exactly that", "Holly Vance"),
        ("vigorously defend a merger", "Robert Hayes and Nina Castellano"),
        ("The FTC is looking at a map and a spreadsheet", "Robert Hayes"),
        ("They are not looking at the rural hospitals", "Robert Hayes"),
        ("If these two become one", "Greg Stamper"),
        ("The evidence is pretty consistent", "Martin Hollis"),
        ("Prices go up, and quality doesn't improve", "Martin Hollis"),
    ],
    "oil-markets.txt": [
        ("Nobody had this on their bingo card", "Tamsin Reed"),
        ("The market was positioned for a rollover", "Tamsin Reed"),
        ("getting ahead of a demand slowdown", "A source within OPEC+"),
        ("not advisable at this moment", "A White House National Security Council spokesperson"),
        ("The group is telling the market", "Oren Lindqvist"),
        ("That is a powerful message", "Oren Lindqvist"),
    ],
    "hs-football.txt": [
        ("I saw the end tuck in and I just pulled it", "Jaylen Brooks"),
        ("Coach has been telling us all week", "Jaylen Brooks"),
        ("It's not about me. These kids did the work", "Dana Mitchell"),
        ("I just try to stay out of their way", "Dana Mitchell"),
        ("We went toe to toe with a great team", "Ron Gaither"),
        ("I'm proud of every one of them", "Ron Gaither"),
        ("Then it's back to work Monday", "Dana Mitchell"),
    ],
    "housing-audit.txt": [
        ("This is not a paperwork problem", "Leticia Warren"),
        ("already corrected many of the issues identified", "Brian Osei"),
        ("If anyone stole from this program", "Elaine Fitch"),
        ("I have zero tolerance for that", "Elaine Fitch"),
        ("The commissioner has a lot of questions to answer", "Darnell Price"),
        ("And so does the mayor", "Darnell Price"),
        ("Every time it rains, I put out buckets", "Gladys Murray"),
        ("I called them so many times they know my voice", "Gladys Murray"),
    ],
    "drought-farmers.txt": [
        ("There's no grass", "Cody Whitfield"),
        ("You either sell them now", "Cody Whitfield"),
        ("My granddad went through the drought", "Cody Whitfield"),
        ("I always figured he was exaggerating", "Cody Whitfield"),
        ("When ranchers liquidate breeding cows", "Jennifer Lau"),
        ("It takes two or three years to rebuild a herd", "Jennifer Lau"),
        ("Texas ranchers are tough", "Wade Pickett"),
        ("If it doesn't rain by October", "Dana Whitfield"),
    ],
    "chess-prodigy.txt": [
        ("He played like a machine in the endgame", "László Farkas"),
        ("Maybe never", "László Farkas"),
        ("But I made a mistake on move 23", "Arjun Mehta"),
        ("We didn't know anything about chess", "Priya Mehta"),
        ("We just drive him to tournaments", "Priya Mehta"),
        ("Most kids his age play fast", "Sergei Voronin"),
        ("That is very rare", "Sergei Voronin"),
    ],
    "transit-qna.txt": [
        ("Our signal system is from the 1970s", "Keisha Boyd"),
        ("I wish I could tell you something different", "Keisha Boyd"),
        ("A lot of what riders see is people in crisis", "Keisha Boyd"),
        ("Arresting someone who needs a bed", "Keisha Boyd"),
        ("almost every week", "Frank Castellano"),
        ("We need police on the trains, period", "Frank Castellano"),
        ("Find me a billion dollars a year", "Keisha Boyd"),
        ("and I'll do it tomorrow", "Keisha Boyd"),
    ],
    # Regression texts for the rules the real-article run (README, "Real articles") called for; paraphrased
    # patterns, invented people.
    "minister-remark.txt": [  # a lede's "A government minister" is the one later "now a minister at …"
        ("some man in the cupboard", "Gareth Pryce"),
        ("a joke of a serious security breach", "Opposition ministers"),  # "accused Mr Pryce of …"
        ("shrugging off the public's worries", "Opposition ministers"),
        # "Mr Pryce, a former party whip who is now a minister at …, said:"
        ("Everyone uses a personal phone now and then", "Gareth Pryce"),
        ("But you do have to think about which phone", "Gareth Pryce"),
        ("Security is not a punchline", "Ruth Adeyemi"),
    ],
    "drugmaker-rumour.txt": [
        # a wire dateline, then "The company initially declined …, but later issued a statement saying:"
        ("We do not respond to market speculation", "Halvern Pharma"),
        ("The succession question will not go away", "Fiona Marsh"),
        ("Enrolment finished ahead of schedule", "Halvern"),
        ("We expect to present the full results", "Halvern"),  # '"…," it continued.'
    ],
    "press-claim.txt": [  # a report quoted at length, quoting others inside it
        ("At a news conference Tuesday", "Tomas Lind"),
        ("We know exactly who pays her and why", "Viktor Halden"),
        ("This shows how foreign services use friendly newsrooms", "Viktor Halden"),
        ("other paid voices", "Viktor Halden"),
        ("Ane Berg has never worked for anyone but us", "A Nordvik Broadcasting spokeswoman"),
        ("it is absurd to suggest", "A Nordvik Broadcasting spokeswoman"),
        ("We are not going to apologise", "Viktor Halden"),  # named in full only inside the report
        ("Our evidence will be published", "Viktor Halden"),
        # "The spokesman was certain that … 'to protect a reporter …'"
        ("to protect a reporter who should have been dismissed", "Viktor Halden"),
    ],
    "reactor-offer.txt": [
        # "the negotiator" three paragraphs after "a senior Varnian negotiator said"
        ("Tomorrow we will ask our questions", "a senior Varnian negotiator"),
        ("That is very unlikely", "a senior Varnian negotiator"),
        # "The envoys from France, Germany, … and Japan said": not "Italy and Japan"
        ("a clear and complete reply", "the envoys"),
        # "De Luca said" opening a sentence is Paolo de Luca
        ("a result before the winter recess", "Paolo de Luca"),
        ("Nobody in this room wants to be here again", "Paolo de Luca"),
    ],
    "council-bribery.txt": [
        # "a tearful Dean Harlow said": the name without the adjective; "Dean" is his first name
        ("I let down the people who elected me", "Dean Harlow"),
        ("I will spend the rest of my life", "Dean Harlow"),
        # "The Ledger's Tom Bekker": the possessive is his affiliation
        ("Prosecutors asked for six years", "Tom Bekker"),
        ("She clearly believed his remorse was real", "Tom Bekker"),
    ],
    "mill-strike.txt": [
        # "the shift supervisor, 58, said" after "Greta Olsen has walked the picket line"
        ("We gave this place thirty years", "Greta Olsen"),
        ("I am not going back for that", "Greta Olsen"),
        # "says Steelworkers Local 1010 President Dana Kowal": a number inside the title
        ("They have been getting ready for a strike", "Dana Kowal"),
        (
            "every union in the valley stands with the mill workers",
            "Leaders of the Harbor Valley Trades Council",
        ),
        ("an insult to people who built this town", "Leaders of the Harbor Valley Trades Council"),
        # '"…," they said.' after the council's statement
        ("We will hold a rally at the mill gates", "Leaders of the Harbor Valley Trades Council"),
    ],
}
# Scare quotes and labels in those articles: never statements.
NOT_STATEMENTS = [
    "blank check", "largely resolved", "full confidence", "No more surprises", "Save Lincoln",
    "deeply disappointed", "significant gaps", "overwhelm", "manageable", "completely unnecessary",
    "too optimistic", "managing decline", "deeply worrying", "entirely preventable", "cautiously hopeful",
    "incredible grace", "fresh energy", "not accurate", "thrilled", "devastated", "derisory", "poor", "heartbroken",
    "careless", "simply false", "lasting harm",
]  # fmt: skip


def _score(name: str) -> tuple[int, int, int]:
    document = load_document(NEWS / name)
    quotes = extract_quotes(document.text, published=document.published)
    found = attributed = 0
    for words, speaker in GOLD[name]:
        matching = [q for q in quotes if words in q.text]
        found += bool(matching)
        attributed += any(q.speaker == speaker for q in matching)
    extra = [q for q in quotes if not any(words in q.text for words, _ in GOLD[name])]
    return found, attributed, len(extra)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_unseen_articles_are_found_and_attributed(name: str) -> None:
    found, attributed, extra = _score(name)
    total = len(GOLD[name])
    assert found / total >= 0.9
    assert attributed / total >= 0.9
    assert extra == 0


@pytest.mark.parametrize("name", sorted(GOLD))
def test_scare_quotes_in_unseen_articles_are_skipped(name: str) -> None:
    document = load_document(NEWS / name)
    for quote in extract_quotes(document.text):
        assert quote.text.strip(" .,") not in NOT_STATEMENTS


def _one(text: str, **kwargs: object) -> Quote:
    quotes = extract_quotes(text, **kwargs)  # type: ignore[arg-type]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_said_x_with_role_before_the_name() -> None:
    quote = _one('"The budget is balanced for the first time in a decade," said Finance Minister Ana Ruiz.')
    assert (quote.speaker, quote.role) == ("Ana Ruiz", "Finance Minister")
    assert quote.text == "The budget is balanced for the first time in a decade"


def test_x_said_with_an_appositive_role() -> None:
    quote = _one('Lena Park, a spokeswoman for the ministry, said the figures were "simply not credible."')
    assert quote.speaker == "Lena Park"
    assert quote.role == "spokeswoman for the ministry"


def test_according_to_after_the_quote() -> None:
    quote = _one('The plant will close "by the end of the year at the latest," according to Omar Haddad.')
    assert quote.speaker == "Omar Haddad"


def test_wrote_in_an_email_gives_the_occasion() -> None:
    quote = _one(
        'Judge Carla Mendes wrote in an email that the ruling "speaks for itself and needs no comment."'
    )
    assert quote.speaker == "Carla Mendes"
    assert quote.occasion == "in an email"


def test_split_quote_is_one_statement_with_two_parts() -> None:
    text = '"We will not raise taxes," Senator Bill Ortiz said, "not this year and not next year."'
    quote = _one(text)
    assert quote.speaker == "Bill Ortiz"
    assert len(quote.parts) == 2
    # the comma before the attribution is the reporter's: the parts are joined with an ellipsis, never a comma
    assert quote.text == "We will not raise taxes … not this year and not next year."
    assert text[quote.start : quote.end].startswith("We will") and text[quote.start : quote.end].endswith(
        "year."
    )


def test_pronoun_and_last_name_refer_to_the_person_named_before() -> None:
    text = (
        "Governor Maya Lind signed the order on Friday.\n\n"
        '"This is a good day for the state," she said.\n\n'
        'Lind later added that the law "will be enforced from the first of May."'
    )
    quotes = extract_quotes(text, published=date(2024, 4, 15))
    assert [q.speaker for q in quotes] == ["Maya Lind", "Maya Lind"]
    assert quotes[0].role == "Governor"
    assert quotes[0].confidence < 0.95 and quotes[1].confidence >= 0.8


def test_multi_paragraph_quote_continues_without_a_closing_mark() -> None:
    text = (
        '"We owe the families an answer," Chief Dana Cole said. "The review starts today.\n\n'
        '"It will be public, and it will be independent."\n\n'
        "The council did not comment."
    )
    quote = _one(text)
    assert quote.speaker == "Dana Cole"
    assert quote.text.endswith("The review starts today.\n\nIt will be public, and it will be independent.")
    assert len(quote.parts) == 3  # cut once by the attribution, once by the paragraph


def test_nested_quote_stays_inside_its_quotation() -> None:
    quote = _one(
        "\"He looked at me and said, 'You are on your own now,' and walked out,\" said Maria Santos, a teacher."
    )
    assert quote.speaker == "Maria Santos"
    assert "'You are on your own now,'" in quote.text


def test_scare_quotes_and_titles_are_not_statements() -> None:
    text = (
        'Critics called the plan a "blank check." The mayor\'s "Fresh Start Initiative" begins Monday, '
        "and the so-called 'reform' has its fans."
    )
    assert extract_quotes(text) == []


def test_weekday_becomes_a_date_relative_to_publication() -> None:
    text = '"We are ready," Coach Ben Ali told reporters on Wednesday, "and so are the fans."'
    quote = _one(text, published=date(2024, 3, 1))
    assert quote.said_on == date(2024, 2, 28)


def test_curly_and_straight_marks_may_be_mixed() -> None:
    quote = _one('"I think the numbers speak for themselves,” Treasurer Kim Lowe said.')
    assert quote.speaker == "Kim Lowe"
    assert quote.text == "I think the numbers speak for themselves"


def test_title_with_of_before_the_name() -> None:
    quote = _one(
        'Secretary of State Ann Lowell said the talks were "at a critical point and could go either way."'
    )
    assert (quote.speaker, quote.role) == ("Ann Lowell", "Secretary of State")


def test_party_and_state_after_the_name_are_skipped() -> None:
    quote = _one('Rep. Nora Mace, R-S.C., said the agency "has no plan for getting out of this."')
    assert quote.speaker == "Nora Mace"


def test_institution_as_speaker() -> None:
    quote = _one(
        '"The outlook remains uncertain for the coming year," the Federal Reserve said on Wednesday.'
    )
    assert quote.speaker == "Federal Reserve"


def test_credited_to_something_unnamed_is_kept_without_a_speaker() -> None:
    text = (
        '"We will rebuild every school," Minister Ida Berg said.\n\n'
        '"We are deeply concerned about the situation," the statement said.'
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Ida Berg", None]


def test_quotation_paragraph_after_a_sentence_about_the_speaker() -> None:
    text = "Mayor Lin Chow has long opposed the project.\n\n" + '"It is a waste of public money."'
    quote = _one(text)
    assert quote.speaker == "Lin Chow"
    assert quote.confidence < 0.5


def test_honorific_and_surname_only() -> None:
    quote = _one(
        'Ms. Alvarez, who chairs the committee, was blunt: "Nobody in this room believes those numbers."'
    )
    assert quote.speaker == "Alvarez"
    assert quote.role is None


def test_two_speakers_in_one_sentence_each_get_their_quotation() -> None:
    text = (
        'Ana Smith called the summit "a disaster for everyone involved," while Ben Jones said it was '
        '"a triumph of patient diplomacy."'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ana Smith", "Ben Jones"]


def test_joint_statement_and_it_said() -> None:
    text = (
        '"We stand by every word of the agreement," Ana Smith and Ben Jones said in a joint statement.\n\n'
        'The ministry did not back down. "Our figures are correct and audited," it said on Friday.'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ana Smith and Ben Jones", "the ministry"]


def test_honorific_without_a_full_stop_and_an_appositive_clause() -> None:
    text = 'Mr Patel told the BBC: "It is progress, not a breakthrough."\n\n' + (
        '"Nobody expected this," Ms Green, speaking to reporters outside the hall, said. "Nobody."'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Patel", "Green"]


def test_a_pull_quote_repeating_a_quotation_is_listed_once() -> None:
    text = (
        '"We will not raise the fares this year, whatever the board says," Mayor Ana Ruiz said on Monday.\n\n'
        "The board did not comment.\n\n"
        '"We will not raise the fares this year, whatever the board says."\n\n'
        "Ruiz has held the office since 2019."
    )
    quote = _one(text)
    assert quote.speaker == "Ana Ruiz" and quote.confidence >= 0.9


def test_a_curly_quotation_whose_closing_mark_was_lost_is_kept_to_the_paragraph_end() -> None:
    text = "“The plant will stay open for as long as I am the governor of this state\n\nThat was in May."
    quote = _one(text)
    assert quote.text == "The plant will stay open for as long as I am the governor of this state"


def test_question_then_a_capitalised_attribution() -> None:
    text = 'Mayor Ana Ruiz spoke first.\n\n"Is this really the end of the line?" Councilor Ben Ito asked.'
    quote = _one(text)
    assert quote.speaker == "Ben Ito"


def test_a_short_reply_said_on_its_own_is_a_statement_but_a_short_phrase_is_not() -> None:
    assert [q.text for q in extract_quotes('"Absolutely not," Senator Jane Roe said when asked.')] == [
        "Absolutely not"
    ]
    assert extract_quotes('Trump told police not to be "too nice" to suspects, Senator Jane Roe said.') == []


def test_text_wrapped_without_blank_lines_like_a_pdf_press_release() -> None:
    text = (
        "PRESS RELEASE\n"
        "Ministry of Transport\n"
        "The Ministry of Transport today announced a new programme to repair rural\n"
        'bridges. "Too many communities have been cut off for too long," said Transport\n'
        'Minister Grace Obi. "This programme will reconnect them within three years."\n'
        "The programme will be funded from the national infrastructure budget and\n"
        "delivered in partnership with local councils.\n"
        "Media enquiries: press@transport.example\n"
    )
    quote = _one(text)
    assert (quote.speaker, quote.role) == ("Grace Obi", "Transport Minister")
    assert quote.text == (
        "Too many communities have been cut off for too long … This programme will reconnect them within three years."
    )


def test_a_surname_shared_by_relatives_is_the_one_just_named() -> None:
    text = (
        "Abigail Foster, 17, died in the crash.\n\n"
        "Her mother, Linda Foster, spoke first.\n\n"
        '"She was going to be a nurse," Foster said.\n\n'
        'Her father, Greg Foster, spoke next. "I have tried to forgive him," Foster said.'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Linda Foster", "Greg Foster"]


def test_names_with_particles_initials_and_a_suffix() -> None:
    text = (
        "Trade Commissioner Pieter van der Berg spoke first. "
        '"We have been talking about this for years," van der Berg said.\n\n'
        "Defense attorney Robert F. Hale Jr. spoke last. "
        '"The prosecution wants you to guess," Hale said.'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Pieter van der Berg", "Robert F. Hale Jr."]


def test_a_party_label_in_parentheses_is_not_the_speaker() -> None:
    quote = _one('But Sen. Curtis Vance (R-Utah) called the deal "worse than nothing at all."')
    assert quote.speaker == "Curtis Vance"


def test_a_colon_after_a_pronoun_subject_hands_it_the_quotation() -> None:
    text = 'Mayor Ann Lee spoke to reporters.\n\nAsked whether she would resign, she did not hesitate: "Not while I can stand."'
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Lee"]


def test_the_statement_said_is_whoever_issued_the_statement() -> None:
    text = (
        "Skyline Live said in a statement that fans would be refunded. "
        '"We understand the frustration of fans," the statement said.'
    )
    assert _one(text).speaker == "Skyline Live"


def test_someone_described_keeps_the_description() -> None:
    text = (
        'Neighbor Frank DiSalvo said he left. "We grabbed the dog and went," DiSalvo said.\n\n'
        "Another neighbor, who asked not to be named, said she had called police before. "
        '"Everybody on this block knew something was wrong," she said.'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Frank DiSalvo", "Another neighbor"]
