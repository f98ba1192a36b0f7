"""Textes du catalogue de démonstration en français (départements, prestations, forfaits)."""

DEPARTMENTS = {
    "reception": "Réception",
    "housekeeping": "Service des étages",
    "kids-club": "Club enfants",
    "restaurant": "Restaurant",
    "excursions": "Bureau des excursions",
    "transport": "Transports",
    "wellness": "Bien-être et piscines",
    "stables": "Écuries et ferme",
    "boat-house": "Maison des bateaux",
    "sports": "Sports",
    "entertainment": "Animations",
}

SERVICES = {
    "crib": (
        "Lit bébé dans votre chambre",
        "Un lit bébé en bois avec matelas neuf, drap-housse et couverture légère, installé par "
        "le service des étages avant votre entrée dans la chambre le jour de l’arrivée. Il convient "
        "aux bébés jusqu’à deux ans environ, et nous le déplaçons volontiers dans un autre coin "
        "de la chambre si vous le souhaitez.",
    ),
    "stroller": (
        "Location de poussette",
        "Une poussette tout-terrain avec pare-soleil, habillage pluie et panier, assez robuste "
        "pour les chemins de gravier autour du lac. Retirez-la à la réception à partir de 8 h "
        "et rapportez-la avant 20 h le dernier jour réservé. Pour les enfants de six mois à "
        "quatre ans environ.",
    ),
    "kids-animation": (
        "Animation enfants",
        "Nos animateurs proposent deux heures de jeux, de bricolage, de chasses au trésor et de "
        "maquillage sur la pelouse derrière le club enfants, à l’intérieur en cas de pluie. Les "
        "enfants jouent par groupes d’âge ; vous pouvez les déposer ou rester les regarder. "
        "Pensez au chapeau de soleil et à la gourde.",
    ),
    "kids-party": (
        "Fête des enfants",
        "Chaque mercredi et samedi après-midi, le club enfants organise une fête à thème "
        "(pirates, animaux de la forêt ou cirque) avec musique, jeux, petit spectacle et gâteau, "
        "menée par nos animateurs pendant que les parents se détendent sur la terrasse voisine. "
        "Votre enfant fête son anniversaire pendant le séjour ? Prévenez-nous : nous ajouterons "
        "une chanson et un petit cadeau.",
    ),
    "children-pool": (
        "Séance au bassin chauffé pour enfants",
        "Une heure dans le bassin intérieur peu profond, chauffé à 32 °C, avec frites, jouets "
        "aquatiques et un maître-nageur au bord pendant toute la séance. Les enfants de moins de "
        "six ans sont accompagnés d’un adulte dans l’eau ; des couches de bain sont disponibles "
        "à l’accueil de la piscine. Les groupes restent petits pour que les plus jeunes aient de "
        "la place pour barboter.",
    ),
    "kids-club": (
        "Séance encadrée au club enfants",
        "Trois heures au club enfants avec des animateurs diplômés : aire de jeux, mur "
        "d’escalade pour débutants, jeux de construction et coin lecture pour les moments plus "
        "calmes. Un goûter sain et des boissons sont compris ; signalez toute allergie à "
        "l’équipe en déposant votre enfant.",
    ),
    "babysitting": (
        "Baby-sitting",
        "L’une de nos baby-sitters de confiance garde vos enfants dans votre chambre pendant que "
        "vous dînez ou profitez d’une soirée à deux. Indiquez-nous la date, l’heure de début et "
        "le nombre d’heures souhaité ; la réception confirme dès qu’une baby-sitter est "
        "disponible. Le tarif horaire couvre jusqu’à trois enfants d’une même famille.",
    ),
    "paediatrician": (
        "Visite d’un pédiatre",
        "Si votre enfant ne se sent pas bien, la réception organise la visite du pédiatre du "
        "village, dans votre chambre ou à son cabinet, à dix minutes en voiture. Décrivez "
        "brièvement les symptômes pour que le médecin puisse se préparer ; le tarif couvre la "
        "consultation, les médicaments se règlent à la pharmacie. En cas d’urgence, appelez "
        "directement la réception au 9 ou composez le 112.",
    ),
    "childrens-menu": (
        "Menu enfant",
        "Déjeuner et dîner en portions enfant, choisis dans notre menu enfant : pâtes à la sauce "
        "tomate, poisson pané et pommes de terre ou soupe de légumes du jour, toujours suivis "
        "d’un dessert. Une chaise haute et des crayons de couleur vous attendent à table. Les "
        "bébés jusqu’à deux ans mangent gratuitement ; signalez toute allergie à votre serveur.",
    ),
    "family-excursion": (
        "Excursion en famille",
        "Une demi-journée en minibus jusqu’à une ferme laitière de la vallée voisine : les "
        "enfants aident à nourrir les veaux, tout le monde goûte le fromage frais, puis une "
        "promenade facile mène à une cascade. Un guide de l’hôtel accompagne le groupe et le "
        "chemin est praticable en poussette. Prévoyez de bonnes chaussures et un imperméable.",
    ),
    "sports-equipment": (
        "Équipement sportif : VTT",
        "Un VTT tout juste révisé, avec casque, antivol et carte des sentiers balisés autour du "
        "lac et jusqu’à la crête des pins. Retirez-le au chalet des sports, près des courts de "
        "tennis : l’équipe règle la selle et vous conseille un itinéraire. Cadres adaptés aux "
        "cyclistes à partir d’environ 1,45 m.",
    ),
    "kids-equipment": (
        "Kit d’équipement pour enfants",
        "Un kit pour bébés et jeunes enfants : chauffe-biberon, baignoire bébé, matelas à "
        "langer, barrière de lit et babyphone. Le service des étages l’apporte dans votre "
        "chambre le premier jour réservé et le reprend après le dernier : vous voyagez léger.",
    ),
    "transfer": (
        "Transfert privé",
        "Notre chauffeur vous accueille à l’aéroport ou à la gare avec une pancarte à votre nom "
        "et vous conduit dans un van spacieux, avec de la place pour les bagages et les "
        "poussettes ; les sièges enfant sont installés gratuitement. Indiquez-nous le lieu de "
        "prise en charge, la destination, le numéro de vol ou de train et le nombre de "
        "passagers : la réception vous confirme l’heure de prise en charge. Le prix s’entend "
        "pour un trajet jusqu’à sept personnes.",
    ),
    "group-excursion": (
        "Excursion d’une journée en groupe",
        "Une journée en autocar avec un guide : la vieille ville au bord de la rivière le matin, "
        "le déjeuner dans une auberge familiale, puis un téléphérique jusqu’au belvédère "
        "l’après-midi. Le déjeuner et les billets de téléphérique sont compris ; départ de "
        "l’entrée principale à 8 h 30 précises. Portez des chaussures confortables et emportez "
        "une couche chaude pour le sommet.",
    ),
    "private-tour": (
        "Visite guidée privée",
        "Une demi-journée avec votre propre guide et votre voiture, organisée selon vos envies : "
        "châteaux, caves à vin, randonnée, photographie ou artisanat local. Dites-nous ce qui "
        "vous intéresse, combien vous êtes et où venir vous chercher ; le bureau des excursions "
        "vous envoie un itinéraire à confirmer. Le prix vaut pour tout le groupe, jusqu’à six "
        "personnes.",
    ),
    "disco-night": (
        "Soirée disco",
        "Le vendredi et le samedi soir, le bar voûté du sous-sol se transforme en piste de danse "
        "avec DJ, jeux de lumière et un mélange de tubes du moment et de grands classiques, "
        "jusqu’à 1 h. L’entrée comprend une boisson au choix. Réservé aux 16 ans et plus : "
        "pensez à votre pièce d’identité.",
    ),
    "event-tickets": (
        "Billets pour les événements locaux",
        "La réception achète pour vous des billets de concerts, de festivals d’été, du théâtre "
        "en plein air au bord du lac ou des matchs dans la ville voisine. Indiquez l’événement "
        "et la date : nous vérifions les places et vous confirmons avant toute facturation sur "
        "votre chambre. Le prix affiché correspond à une place standard ; si votre événement "
        "coûte plus ou moins, nous vous le disons avant de réserver.",
    ),
    "car-rental": (
        "Location de voiture",
        "Une voiture compacte cinq places à boîte automatique, avec le plein et le kilométrage "
        "illimité dans la région, garée pour vous devant l’hôtel. Le conducteur doit avoir le "
        "permis depuis au moins un an et une carte de crédit pour la caution ; sièges enfant et "
        "coffre de toit disponibles sur demande.",
    ),
    "scooter-rental": (
        "Location de scooter",
        "Un scooter 125 cm³ avec deux casques, un top-case et une carte des petites routes de "
        "campagne, prêt au comptoir des transports dès 9 h. Un permis couvrant les motos "
        "jusqu’à 125 cm³ est nécessaire. Le premier plein est compris ; merci de rendre la clé "
        "avant 19 h.",
    ),
    "fishing-trip": (
        "Sortie pêche guidée",
        "Partez à l’aube avec notre gardien de la maison des bateaux vers ses coins préférés "
        "pour la perche, le brochet et la truite. Cannes, appâts, permis de pêche à la journée "
        "et boisson chaude sont compris, et la cuisine peut griller votre prise pour le dîner. "
        "Habillez-vous chaudement : le petit matin est frais sur l’eau.",
    ),
    "horse-riding": (
        "Balade à cheval",
        "Une promenade de quatre-vingt-dix minutes sur des chevaux calmes, par les chemins "
        "forestiers et au bord du lac, menée par un moniteur de nos écuries. Les débutants "
        "reçoivent d’abord une courte leçon au paddock ; casques et gilets de protection sont "
        "fournis. Pantalon long et chaussures fermées obligatoires ; les cavaliers doivent avoir "
        "au moins 8 ans et peser moins de 95 kg.",
    ),
    "pony-ride": (
        "Promenade à poney pour les petits",
        "Les petits cavaliers montent l’un de nos poneys très doux, qu’un palefrenier mène "
        "autour du verger, un parent marchant à côté. Ensuite, les enfants brossent leur poney "
        "et lui donnent une carotte. Casques en petites tailles fournis.",
    ),
    "boat-trip": (
        "Promenade en bateau sur le lac",
        "Une heure à bord de notre bateau électrique silencieux jusqu’à la baie d’en face et "
        "retour, pendant que le capitaine vous parle du lac, de ses îles et des oiseaux qui y "
        "nichent. Des couvertures sont à bord pour les jours plus frais et une poussette pliée "
        "trouve sa place. Merci d’être au ponton de l’hôtel dix minutes avant le départ.",
    ),
    "boat-rental": (
        "Location de barque",
        "Prenez l’une de nos quatre barques pour une heure et explorez à votre rythme les "
        "roselières et la petite île. Chaque barque accueille jusqu’à quatre personnes, avec "
        "gilets de sauvetage adultes et enfants, et l’équipe de la maison des bateaux vous "
        "montre la zone sûre avant le départ. Les enfants de moins de 14 ans ne sortent "
        "qu’accompagnés d’un adulte.",
    ),
    "sauna": (
        "Séance de sauna",
        "Deux heures dans la maison du sauna au bord du lac : sauna finlandais, hammam, bain "
        "froid et salle de repos avec vue sur l’eau. Serviettes, peignoirs et tisane fournis. "
        "Accessible à partir de 16 ans ; merci de vous asseoir sur votre serviette dans le "
        "sauna.",
    ),
    "bath-house": (
        "Bain nordique privatif",
        "La maison de bain en bois sur la rive, rien que pour votre groupe : un bain nordique "
        "chauffé au feu de bois à environ 38 °C, un petit sauna et une terrasse sur l’eau. "
        "L’équipe bien-être allume le feu à l’avance et laisse des serviettes et une carafe "
        "d’eau fraîche. Le prix s’entend par séance jusqu’à six personnes ; les enfants sont "
        "les bienvenus avec leurs parents.",
    ),
    "paintball": (
        "Paintball en forêt",
        "Deux équipes s’affrontent pour capturer le drapeau dans une partie clôturée et balisée "
        "de la pinède, avec un arbitre de notre équipe sportive qui explique les règles et "
        "veille à la sécurité. Lanceurs, masques, combinaisons et 200 billes par joueur sont "
        "compris. Joueurs de 14 ans et plus ; les mineurs doivent faire signer la décharge "
        "par un parent.",
    ),
    "petting-zoo": (
        "Visite du parc aux animaux",
        "Venez rencontrer les chèvres, les lapins, les moutons et nos deux ânes dans le parc "
        "près des écuries, avec un soigneur qui raconte aux enfants le nom et l’histoire de "
        "chaque animal. Des sachets de nourriture adaptée sont distribués à l’entrée. Prévoyez "
        "des chaussures qui ne craignent pas la boue.",
    ),
    "mini-farm": (
        "Matinée à la mini-ferme",
        "Suivez le fermier dans sa tournée du matin : ramassage des œufs au poulailler, traite "
        "d’une chèvre et cueillette au potager des légumes que le restaurant cuisine le jour "
        "même. Les enfants de tout âge participent avec leurs parents, et des bottes en "
        "caoutchouc de nombreuses tailles attendent dans la grange.",
    ),
}

PACKAGES = {
    "family": (
        "Forfait famille",
        "Tout ce qu’il faut à une famille pour un séjour serein, du lit bébé prêt dès votre "
        "arrivée aux séances du club enfants, en passant par le baby-sitting et le menu enfant. "
        "Les prestations réservées dans le cadre du forfait bénéficient d’un prix réduit.",
    ),
    "outdoor": (
        "Forfait activités de plein air",
        "Pour les clients qui veulent sortir et découvrir la région : transferts, excursions "
        "d’une journée en groupe et visites privées, une voiture ou un scooter rien qu’à vous, "
        "soirées disco et billets pour les événements locaux. Réservez-les en forfait et "
        "économisez sur chacun.",
    ),
    "nature": (
        "Extras nature",
        "Le lac, la forêt et la ferme commencent juste devant la porte : pêche à l’aube, "
        "équitation et barque, soirées sauna, paintball sous les pins et matinées avec les "
        "animaux. Combinez-les en forfait pour un prix plus doux.",
    ),
}
