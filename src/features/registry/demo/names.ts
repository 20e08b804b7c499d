// Name and street lists for the demo person generator. Lists are ordered roughly from most to
// least common, because the generator picks earlier entries more often.

/** Given names common among people born before about 1965. */
export const MALE_NAMES_TRADITIONAL = [
  'Giuseppe', 'Giovanni', 'Antonio', 'Mario', 'Luigi', 'Francesco', 'Angelo', 'Vincenzo',
  'Pietro', 'Salvatore', 'Carlo', 'Franco', 'Domenico', 'Bruno', 'Paolo', 'Michele',
  'Giorgio', 'Aldo', 'Sergio', 'Luciano', 'Renato', 'Roberto', 'Giancarlo', 'Gianfranco',
  'Enzo', 'Umberto', 'Gino', 'Alfredo', 'Ernesto', 'Raffaele', 'Gaetano', 'Nicola',
  'Pasquale', 'Rocco', 'Arturo', 'Silvio', 'Dino', 'Guido', 'Italo', 'Cosimo',
  'Carmine', 'Ottavio', 'Vittorio', 'Elio', 'Rino', 'Tullio', 'Gennaro', 'Calogero',
  'Emilio', 'Ferruccio', 'Alberto', 'Claudio', 'Giacomo', 'Gian Battista', 'Nicolò', 'Giosuè',
] as const;

/** Given names common among people born from about 1965 on. */
export const MALE_NAMES_MODERN = [
  'Leonardo', 'Francesco', 'Alessandro', 'Lorenzo', 'Mattia', 'Andrea', 'Marco', 'Luca',
  'Tommaso', 'Gabriele', 'Riccardo', 'Edoardo', 'Matteo', 'Davide', 'Federico', 'Simone',
  'Stefano', 'Massimo', 'Fabio', 'Daniele', 'Alessio', 'Emanuele', 'Diego', 'Christian',
  'Samuele', 'Filippo', 'Niccolò', 'Nicolò', 'Jacopo', 'Giulio', 'Elia', 'Gioele',
  'Thomas', 'Enea', 'Achille', 'Ettore', 'Valerio', 'Maurizio', 'Fabrizio', 'Manuel',
  'Cristian', 'Denis', 'Gianmarco', 'Gian Luca', 'Noè', 'Pietro', 'Michele', 'Antonio',
] as const;

export const FEMALE_NAMES_TRADITIONAL = [
  'Maria', 'Anna', 'Giuseppina', 'Rosa', 'Angela', 'Giovanna', 'Teresa', 'Lucia',
  'Carmela', 'Caterina', 'Francesca', 'Antonietta', 'Carla', 'Elena', 'Concetta', 'Rita',
  'Margherita', 'Franca', 'Paola', 'Luisa', 'Pasqualina', 'Vincenza', 'Assunta', 'Filomena',
  'Rosaria', 'Grazia', 'Gina', 'Bruna', 'Lina', 'Adele', 'Ida', 'Elsa',
  'Iolanda', 'Wanda', 'Liliana', 'Gabriella', 'Silvana', 'Marisa', 'Graziella', 'Nunzia',
  'Immacolata', 'Addolorata', 'Santina', 'Agnese', 'Giuliana', 'Loredana', 'Mirella', 'Rosanna',
  'Ornella', 'Maria Grazia', 'Anna Maria', 'Maria Teresa', 'Maria Luisa', 'Nicoletta',
] as const;

export const FEMALE_NAMES_MODERN = [
  'Sofia', 'Giulia', 'Aurora', 'Alice', 'Ginevra', 'Emma', 'Giorgia', 'Beatrice',
  'Martina', 'Chiara', 'Sara', 'Francesca', 'Alessia', 'Federica', 'Valentina', 'Silvia',
  'Laura', 'Elisa', 'Vittoria', 'Ludovica', 'Matilde', 'Greta', 'Nicole', 'Noemi',
  'Barbara', 'Simona', 'Cristina', 'Monica', 'Roberta', 'Daniela', 'Manuela', 'Serena',
  'Ilaria', 'Michela', 'Veronica', 'Arianna', 'Camilla', 'Rebecca', 'Bianca', 'Azzurra',
  'Viola', 'Gaia', 'Irene', 'Asia', 'Desirée', 'Zoe', 'Anna', 'Elena',
] as const;

export const FAMILY_NAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci',
  'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa',
  'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani',
  'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo', 'Gentile',
  'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola', 'De Santis', "D'Angelo", 'Marchetti',
  'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini',
  'Grasso', 'Valentini', 'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo',
  'Sanna', 'Farina', 'Rizzi', 'Monti', 'Cattaneo', 'Morelli', 'Amato', 'Silvestri',
  'Mazza', 'Testa', 'Grassi', 'Pellegrino', 'Carbone', 'Giuliani', 'Benedetti', 'Barone',
  'Rossetti', 'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Martino', 'Fiore',
  'De Rosa', 'Ferretti', 'Bellini', 'Basile', 'Riva', 'Donati', 'Piras', 'Vitali',
  'Battaglia', 'Sartori', 'Neri', 'Costantini', 'Milani', 'Pagano', 'Ruggiero', 'Sorrentino',
  "D'Amico", 'Orlando', 'Negri', 'Mele', 'Longhi', 'Cirillo', 'Fumagalli', 'Orlandi',
  'Colonna', 'Marchi', 'Pace', 'Fiorentino', 'Villani', 'Bassi', 'Cocco', 'Bernardini',
  'Di Stefano', 'Di Giacomo', 'Di Marco', 'Di Pietro', "D'Alessandro", "D'Agostino", "D'Onofrio", "Dell'Acqua",
  "Dell'Orto", "Dell'Aquila", 'Lo Russo', 'La Rosa', 'Lo Presti', 'Lo Bianco', 'Li Causi', 'Dalla Costa',
  'Del Piero', 'Dal Molin', 'Della Valle', 'De Marco', 'De Martino', 'Del Prete', 'Di Lorenzo', 'Di Napoli',
  'De Vito', 'De Simone', 'Lo Cascio', 'Melis', 'Pinna', 'Mura', 'Deiana', 'Carta',
  'Fadda', 'Porcu', 'Furlan', 'Zanin', 'Zanetti', 'Zanella', 'Zanon', 'Bortolotto',
  'Pavan', 'Tonon', 'Trevisan', 'Bonato', 'Favaro', 'Catalano', 'Scalia', 'Spina',
  'Capasso', 'Iovine', 'Cozzolino', 'Brambilla', 'Galbiati', 'Mauri', 'Ferrero', 'Rosso',
  'Gastaldi', 'Quaglia', 'Innocenti', 'Nocentini', 'Bartolini', 'Cecchi', 'Giannini', 'Bini',
  'Baldi', 'Lorusso', 'Loiacono', 'Romeo', 'Morabito', 'Nucera', 'Pedrotti', 'Moser',
  'Gruber', 'Pichler', 'Santini', 'Bonetti', 'Poli', 'Sergi', 'Giorgi', 'Raimondi',
  'Caprioli', 'Marras', 'Scotti', 'Tosi', 'Guidi', 'Ceccarelli', 'Lucchesi', 'Cappelli',
  'Mazzoni', 'Zito', 'Caputi', 'Gallina', 'Nardi', 'Bellucci', 'Fusco', 'Pisano',
  'Esposti', 'Agostini', 'Ferrante', 'Marangoni', 'Riccardi', 'Sorrenti', 'Vecchi', 'Zaccaria',
  'Fo', 'Re', 'Po', 'Sacco', 'Fabbro', 'Ruggeri', 'Cristiani', 'Mantovani',
] as const;

/** Street names as they follow "Via", "Piazza", "Corso", ... */
export const STREET_NAMES = [
  'Roma', 'Giuseppe Garibaldi', 'Giuseppe Mazzini', 'Camillo Benso di Cavour', 'Dante Alighieri',
  'Giacomo Matteotti', 'Vittorio Emanuele II', 'Guglielmo Marconi', 'Giuseppe Verdi', 'Antonio Gramsci',
  'XX Settembre', 'IV Novembre', 'della Repubblica', 'Aldo Moro', 'John Fitzgerald Kennedy',
  'Giacomo Leopardi', 'Alessandro Manzoni', 'Giosuè Carducci', 'Giovanni Pascoli', 'San Francesco',
  'Papa Giovanni XXIII', 'delle Rose', 'dei Mille', 'Giacomo Puccini', 'Don Giovanni Minzoni',
  'Trieste', 'Trento', 'Milano', 'Napoli', 'Torino', 'Venezia', 'Cristoforo Colombo',
  'Galileo Galilei', 'Alessandro Volta', 'Armando Diaz', 'Cesare Battisti', 'Guglielmo Oberdan',
  'dei Caduti', 'della Libertà', 'Nazionale', 'Provinciale', 'della Stazione', 'del Risorgimento',
  'Europa', 'Fratelli Cervi', 'Piave', 'Isonzo', 'Umberto I', 'Regina Margherita', 'Sandro Pertini',
  'Enrico Berlinguer', 'Luigi Einaudi', 'Alcide De Gasperi', 'Giovanni Falcone', 'Paolo Borsellino',
  "Sant'Antonio", 'San Giuseppe', 'della Chiesa', 'del Mulino', 'dei Tigli', 'delle Querce',
  'Luigi Pirandello', 'Pietro Nenni', 'Goffredo Mameli', 'Nazario Sauro', 'Filippo Turati',
] as const;

/** Street types with their rough share of Italian addresses. */
export const STREET_TYPES = [
  ['Via', 78],
  ['Viale', 7],
  ['Piazza', 6],
  ['Corso', 4],
  ['Vicolo', 2],
  ['Largo', 1],
  ['Strada', 2],
] as const satisfies readonly (readonly [string, number])[];

export interface NameSet {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

/** Names for people born abroad, by language or regional group. */
export const FOREIGN_NAMES = {
  ro: {
    male: ['Andrei', 'Alexandru', 'Ionuț', 'Mihai', 'Gheorghe', 'Florin', 'Constantin', 'Marius'],
    female: ['Maria', 'Elena', 'Ioana', 'Mihaela', 'Andreea', 'Gabriela', 'Alina', 'Florentina'],
    family: ['Popescu', 'Ionescu', 'Popa', 'Stoica', 'Dumitru', 'Munteanu', 'Stan', 'Lungu', 'Ciobanu', 'Rusu'],
  },
  sq: {
    male: ['Arben', 'Ardit', 'Besnik', 'Ermal', 'Gentian', 'Klajdi', 'Artan', 'Dritan'],
    female: ['Anila', 'Blerina', 'Elira', 'Ermira', 'Jonida', 'Klaudia', 'Mirela', 'Arjola'],
    family: ['Hoxha', 'Shehu', 'Leka', 'Dervishi', 'Gjoka', 'Kola', 'Marku', 'Prifti', 'Basha', 'Çela'],
  },
  ar: {
    male: ['Mohamed', 'Ahmed', 'Youssef', 'Omar', 'Karim', 'Mustafa', 'Hassan', 'Abdelkader'],
    female: ['Fatima', 'Khadija', 'Amina', 'Salma', 'Nadia', 'Samira', 'Yasmine', 'Malika'],
    family: ['El Amrani', 'Benali', 'Haddad', 'Mansour', 'Bouzid', 'Ait Ali', 'El Idrissi', 'Saleh', 'Abdallah', 'Ben Salem'],
  },
  zh: {
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Yong', 'Ming', 'Jian', 'Tao'],
    female: ['Li', 'Mei', 'Xiaoyan', 'Yan', 'Jing', 'Hui', 'Ying', 'Fang'],
    family: ['Hu', 'Chen', 'Wang', 'Zhang', 'Liu', 'Lin', 'Zhou', 'Wu', 'Xu', 'Ye'],
  },
  uk: {
    male: ['Oleksandr', 'Andriy', 'Serhiy', 'Volodymyr', 'Dmytro', 'Mykola', 'Ivan', 'Yuriy'],
    female: ['Olena', 'Oksana', 'Natalia', 'Iryna', 'Tetiana', 'Svitlana', 'Halyna', 'Liudmyla'],
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Koval', 'Moroz', 'Petrenko'],
  },
  es: {
    male: ['José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Manuel', 'Víctor'],
    female: ['María José', 'Ana', 'Rosa', 'Carmen', 'Gabriela', 'Lucía', 'Verónica', 'Patricia'],
    family: ['García', 'Rodríguez', 'Quispe', 'Flores', 'Mendoza', 'Torres', 'Gutiérrez', 'Sánchez', 'Vargas', 'Ramírez'],
  },
  pt: {
    male: ['João', 'Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Felipe', 'Thiago', 'António'],
    female: ['Ana', 'Juliana', 'Fernanda', 'Camila', 'Beatriz', 'Larissa', 'Adriana', 'Conceição'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Carvalho', 'Ferreira', 'Gomes', 'Tavares'],
  },
  en: {
    male: ['John', 'David', 'Michael', 'Emmanuel', 'Samuel', 'Daniel', 'James', 'Peter'],
    female: ['Mary', 'Grace', 'Blessing', 'Joy', 'Sarah', 'Elizabeth', 'Esther', 'Patience'],
    family: ['Okafor', 'Okoro', 'Adeyemi', 'Mensah', 'Owusu', 'Osei', 'Smith', 'Johnson', 'Williams', 'Brown'],
  },
  fr: {
    male: ['Mamadou', 'Moussa', 'Ousmane', 'Ibrahima', 'Cheikh', 'Abdoulaye', 'Jean', 'Pierre'],
    female: ['Aminata', 'Fatou', 'Awa', 'Mariama', 'Aïssatou', 'Marie', 'Sophie', 'Adama'],
    family: ['Diop', 'Ndiaye', 'Fall', 'Sow', 'Diallo', 'Ba', 'Cissé', 'Traoré', 'Koné', 'Martin'],
  },
  southAsia: {
    male: ['Mohammad', 'Abdul', 'Rajesh', 'Harpreet', 'Gurpreet', 'Imran', 'Kamal', 'Ravi'],
    female: ['Fatema', 'Nasrin', 'Shahnaz', 'Priya', 'Sunita', 'Harjit', 'Ayesha', 'Rukhsana'],
    family: ['Singh', 'Kaur', 'Hossain', 'Rahman', 'Islam', 'Ahmed', 'Kumar', 'Khan', 'Perera', 'Fernando'],
  },
  ph: {
    male: ['Jose', 'Mark', 'John Paul', 'Rodel', 'Ariel', 'Jerome', 'Reynaldo', 'Romeo'],
    female: ['Maricel', 'Rowena', 'Marites', 'Jennifer', 'Lorna', 'Cristina', 'Analyn', 'Rosario'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Dela Cruz', 'Del Rosario', 'Villanueva', 'Ramos'],
  },
  de: {
    male: ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Jürgen', 'Lukas', 'Felix'],
    female: ['Sabine', 'Petra', 'Claudia', 'Julia', 'Anna', 'Monika', 'Katharina', 'Ursula'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz'],
  },
} as const satisfies Record<string, NameSet>;

export type ForeignNameGroup = keyof typeof FOREIGN_NAMES;
