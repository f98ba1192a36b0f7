"""Spanish texts of the demo catalogue: departments, services and packages."""

DEPARTMENTS = {
    "reception": "Recepción",
    "housekeeping": "Limpieza de habitaciones",
    "kids-club": "Club infantil",
    "restaurant": "Restaurante",
    "excursions": "Mostrador de excursiones",
    "transport": "Transporte",
    "wellness": "Bienestar y piscinas",
    "stables": "Cuadras y granja",
    "boat-house": "Embarcadero",
    "sports": "Deportes",
    "entertainment": "Animación y ocio",
}

SERVICES = {
    "crib": (
        "Cuna en la habitación",
        (
            "Una cuna de madera con colchón limpio, sábana ajustable y una manta ligera. "
            "Nuestro equipo de limpieza la instala el día de su llegada, antes de que entre en "
            "la habitación. Es adecuada para bebés de hasta unos dos años, y con gusto la "
            "cambiamos a otro rincón de la habitación si lo prefiere."
        ),
    ),
    "stroller": (
        "Alquiler de cochecito",
        (
            "Un cochecito todoterreno con capota, protector de lluvia y cesta inferior, lo "
            "bastante robusto para los caminos de grava que rodean el lago. Recójalo en "
            "recepción a partir de las 8:00 y devuélvalo allí antes de las 20:00 del último "
            "día reservado. Apto para niños de seis meses a unos cuatro años."
        ),
    ),
    "kids-animation": (
        "Animación infantil",
        (
            "Nuestros animadores organizan dos horas de juegos, manualidades, búsquedas del "
            "tesoro y pintacaras en el césped detrás del club infantil; si llueve, la "
            "actividad pasa al interior. Los niños juegan en grupos por edades, y los padres "
            "pueden dejarlos o quedarse a mirar. Traiga un sombrero para el sol y una botella "
            "de agua."
        ),
    ),
    "kids-party": (
        "Fiesta infantil",
        (
            "Cada miércoles y sábado por la tarde, el club infantil celebra una fiesta "
            "temática (piratas, animales del bosque o circo) con música, juegos, un pequeño "
            "espectáculo y tarta, todo a cargo de nuestros animadores, mientras los padres "
            "descansan en la terraza de al lado. Si su hijo cumple años durante la estancia, "
            "avísenos con antelación y añadiremos una canción y un pequeño regalo."
        ),
    ),
    "children-pool": (
        "Sesión en la piscina infantil climatizada",
        (
            "Una hora en la piscina cubierta poco profunda, a 32 °C, con flotadores, juguetes "
            "acuáticos y un socorrista junto al borde en todo momento. Los menores de seis "
            "años deben estar en el agua acompañados de un adulto; en el mostrador de la "
            "piscina hay pañales de agua. Mantenemos grupos pequeños para que los más "
            "pequeños tengan espacio para chapotear."
        ),
    ),
    "kids-club": (
        "Sesión supervisada en el club infantil",
        (
            "Tres horas en el club infantil con monitores titulados: parque infantil, un "
            "rocódromo para principiantes, bloques de construcción y un rincón de cuentos "
            "para los momentos más tranquilos. Incluye una merienda saludable y bebidas, así "
            "que informe al equipo de cualquier alergia al dejar a su hijo."
        ),
    ),
    "babysitting": (
        "Cuidado de niños",
        (
            "Una de nuestras niñeras de confianza cuida de sus hijos en su habitación "
            "mientras usted disfruta de una cena o de una velada a solas. Indíquenos la "
            "fecha, la hora de inicio y cuántas horas necesita; recepción lo confirmará en "
            "cuanto haya una niñera asignada. La tarifa por hora cubre hasta tres niños de "
            "una misma familia."
        ),
    ),
    "paediatrician": (
        "Visita del pediatra",
        (
            "Si su hijo no se encuentra bien, recepción organiza la visita del pediatra del "
            "pueblo, en su habitación o en la consulta, a diez minutos en coche. Describa "
            "brevemente los síntomas para que el médico pueda prepararse; la tarifa cubre la "
            "consulta, y los medicamentos se pagan en la farmacia. En caso de urgencia, llame "
            "de inmediato a recepción marcando el 9 o al 112."
        ),
    ),
    "childrens-menu": (
        "Menú infantil",
        (
            "Almuerzo y cena en raciones infantiles de nuestro menú para niños, como pasta "
            "con tomate, pescado rebozado con puré o la sopa de verduras del día, "
            "siempre con postre. En su mesa le esperan una trona y lápices de colores. Los "
            "bebés de hasta dos años comen gratis; comunique cualquier alergia a su camarero."
        ),
    ),
    "family-excursion": (
        "Excursión en familia",
        (
            "Media jornada en minibús hasta una granja lechera en activo del valle vecino, "
            "donde los niños ayudan a dar de comer a los terneros y todos prueban queso "
            "fresco; después, un paseo fácil hasta una cascada. Un guía del hotel acompaña "
            "al grupo y el camino es apto para cochecitos. Traiga calzado resistente y "
            "chubasquero."
        ),
    ),
    "sports-equipment": (
        "Material deportivo: bicicleta de montaña",
        (
            "Una bicicleta de montaña recién revisada, con casco, candado y un mapa de las "
            "rutas señalizadas alrededor del lago y hasta la loma de los pinos. Recójala en "
            "la caseta de deportes junto a las pistas de tenis, donde el equipo le ajusta el "
            "sillín y le sugiere una ruta. Los cuadros son aptos a partir de aproximadamente "
            "1,45 m de estatura."
        ),
    ),
    "kids-equipment": (
        "Equipo para bebés y niños pequeños",
        (
            "Un equipo para bebés y niños pequeños: calientabiberones, bañera de bebé, "
            "cambiador, barrera de cama y vigilabebés. El equipo de limpieza lo lleva a su "
            "habitación el primer día reservado y lo recoge después del último, para que "
            "usted pueda viajar ligero de equipaje."
        ),
    ),
    "transfer": (
        "Traslado privado",
        (
            "Nuestro conductor le espera en el aeropuerto o en la estación de tren con un "
            "cartel con su nombre y le lleva en una furgoneta amplia, con sitio para el "
            "equipaje y los cochecitos; las sillas infantiles se instalan sin coste. "
            "Indíquenos el lugar de recogida, el destino, el número de vuelo o de tren y el "
            "número de pasajeros, y recepción le confirmará la hora de recogida. El precio "
            "es por trayecto para un máximo de siete personas."
        ),
    ),
    "group-excursion": (
        "Excursión de un día en grupo",
        (
            "Una jornada completa en autocar con guía: por la mañana, el casco antiguo junto "
            "al río; almuerzo en una posada familiar; y por la tarde, subida en teleférico "
            "al mirador. El almuerzo y los billetes del teleférico están incluidos, y el "
            "autocar sale de la entrada principal a las 8:30 en punto. Lleve calzado cómodo "
            "y algo de abrigo para la cima."
        ),
    ),
    "private-tour": (
        "Visita guiada privada",
        (
            "Media jornada con guía y coche propios, planificada según lo que más le guste: "
            "castillos, bodegas, senderismo, fotografía o artesanía local. Cuéntenos sus "
            "intereses, cuántas personas son y dónde recogerles, y el mostrador de "
            "excursiones le enviará una ruta para que la confirme. El precio es para todo el "
            "grupo, de hasta seis personas."
        ),
    ),
    "disco-night": (
        "Noche de discoteca",
        (
            "Los viernes y sábados por la noche, el bar de la bodega se convierte en pista de "
            "baile con DJ, luces y una mezcla de éxitos actuales y clásicos hasta la 1:00. "
            "La entrada incluye una consumición a su elección. Hay que tener 16 años o más, "
            "así que traiga un documento de identidad."
        ),
    ),
    "event-tickets": (
        "Entradas para eventos locales",
        (
            "Recepción le compra entradas para conciertos, festivales de verano, el teatro al "
            "aire libre junto al lago y partidos en la ciudad cercana. Indíquenos el evento y "
            "la fecha; comprobaremos la disponibilidad y se lo confirmaremos antes de cargar "
            "nada a su habitación. El precio indicado corresponde a una localidad estándar; "
            "si su evento cuesta más o menos, se lo diremos antes de reservar."
        ),
    ),
    "car-rental": (
        "Alquiler de coche",
        (
            "Un coche compacto de cinco plazas con cambio automático, el depósito lleno y "
            "kilometraje ilimitado en la región, aparcado para usted delante del hotel. El "
            "conductor necesita un permiso de conducir con al menos un año de antigüedad y "
            "una tarjeta de crédito para la fianza; bajo petición, hay sillas infantiles y "
            "cofre de techo."
        ),
    ),
    "scooter-rental": (
        "Alquiler de scooter",
        (
            "Un scooter de 125 cc con dos cascos, baúl y un mapa de carreteras rurales "
            "tranquilas, listo en el mostrador de transporte a partir de las 9:00. Necesita "
            "un permiso que cubra motocicletas de hasta 125 cc. El primer depósito de "
            "combustible está incluido; devuelva la llave antes de las 19:00."
        ),
    ),
    "fishing-trip": (
        "Salida de pesca guiada",
        (
            "Salga al amanecer con el encargado de nuestro embarcadero a sus rincones "
            "favoritos para pescar percas, lucios y truchas. Incluye cañas, cebo, la licencia "
            "del día y una bebida caliente, y si lo desea, la cocina le asará lo que pesque "
            "para la cena. Abríguese bien: a primera hora, en el agua hace fresco."
        ),
    ),
    "horse-riding": (
        "Paseo a caballo",
        (
            "Un paseo de noventa minutos en caballos tranquilos por pistas forestales y la "
            "orilla del lago, guiado por un instructor de nuestras cuadras. Los principiantes "
            "reciben antes una breve clase en el picadero, y se facilitan cascos y chalecos "
            "de protección. Lleve pantalón largo y calzado cerrado; los jinetes deben tener "
            "al menos 8 años y pesar menos de 95 kg."
        ),
    ),
    "pony-ride": (
        "Paseo en poni para los más pequeños",
        (
            "Los pequeños jinetes montan uno de nuestros dóciles ponis, que un mozo de cuadra "
            "lleva del ronzal por el huerto de frutales, con uno de los padres caminando al "
            "lado. Después, los niños cepillan a su poni y le dan una zanahoria. Se facilitan "
            "cascos de tallas pequeñas."
        ),
    ),
    "boat-trip": (
        "Paseo en barco por el lago",
        (
            "Una hora en nuestro silencioso barco eléctrico hasta la bahía del otro lado y "
            "vuelta, mientras el patrón le habla del lago, de sus islas y de las aves que "
            "anidan allí. A bordo hay mantas para los días más frescos y sitio para un "
            "cochecito plegado. Preséntese en el muelle del hotel diez minutos antes de la "
            "salida."
        ),
    ),
    "boat-rental": (
        "Alquiler de barca de remos",
        (
            "Salga durante una hora en una de nuestras cuatro barcas de remos y explore a su "
            "ritmo los cañaverales y la pequeña isla. Cada barca admite hasta cuatro "
            "personas, con chalecos salvavidas para adultos y niños, y el equipo del "
            "embarcadero le muestra la zona segura antes de zarpar. Los menores de 14 años "
            "solo pueden salir acompañados de un adulto."
        ),
    ),
    "sauna": (
        "Sesión de sauna",
        (
            "Dos horas en la casa de sauna a orillas del lago, con sauna finlandesa, baño de "
            "vapor, una piscina de agua fría y una sala de descanso con vistas al agua. Se "
            "facilitan toallas, albornoces e infusiones. Para huéspedes a partir de 16 años; "
            "en la sauna, siéntese siempre sobre su toalla."
        ),
    ),
    "bath-house": (
        "Casa de baños privada",
        (
            "La casa de baños de madera a orillas del lago, solo para su grupo: una tina "
            "caliente calentada con leña a unos 38 °C, una pequeña sauna y una terraza sobre "
            "el agua. El equipo de bienestar enciende el fuego con antelación y deja toallas "
            "y una jarra de agua fría. El precio es por sesión para un máximo de seis "
            "personas, y los niños son bienvenidos con sus padres."
        ),
    ),
    "paintball": (
        "Paintball en el bosque",
        (
            "Dos equipos juegan a capturar la bandera en una zona vallada y señalizada del "
            "pinar, con un árbitro de nuestro equipo de deportes que explica las reglas y "
            "vela por la seguridad. Incluye marcadoras, máscaras, monos y 200 bolas de "
            "pintura por jugador. Los jugadores deben tener 14 años o más, y los menores de "
            "18 necesitan que uno de sus padres firme el descargo de responsabilidad."
        ),
    ),
    "petting-zoo": (
        "Visita a la granja de animales",
        (
            "Conozca a las cabras, los conejos, las ovejas y nuestros dos burros en la "
            "granja de animales junto a las cuadras, con un cuidador que cuenta a los niños "
            "el nombre y la historia de cada animal. En la entrada se reparten bolsas de "
            "comida adecuada. Lleve calzado que se pueda embarrar."
        ),
    ),
    "mini-farm": (
        "Mañana en la minigranja",
        (
            "Acompañe al granjero en su ronda matinal: recoja los huevos de las gallinas, "
            "pruebe a ordeñar una cabra y coseche verduras en el huerto, que el restaurante "
            "cocina ese mismo día. Participan niños de todas las edades junto con sus "
            "padres, y en el granero les esperan botas de goma de muchas tallas."
        ),
    ),
}

PACKAGES = {
    "family": (
        "Paquete familiar",
        (
            "Todo lo que una familia necesita para una estancia sin complicaciones: desde una "
            "cuna lista a su llegada hasta sesiones en el club infantil, cuidado de niños "
            "y menú infantil. Los servicios reservados dentro del paquete tienen un precio "
            "reducido."
        ),
    ),
    "outdoor": (
        "Paquete de actividades al aire libre",
        (
            "Para huéspedes que quieren salir y conocer la región: traslados, excursiones de "
            "un día en grupo y visitas privadas, un coche o un scooter propio, noches de "
            "discoteca y entradas para eventos locales. Resérvelos como paquete y ahorre en "
            "cada uno."
        ),
    ),
    "nature": (
        "Extras en la naturaleza",
        (
            "El lago, el bosque y la granja empiezan en la misma puerta: pesca al amanecer, "
            "paseos a caballo y en barca de remos, tardes de sauna, paintball entre los "
            "pinos y mañanas con los animales. Combínelos en un paquete a un precio más bajo."
        ),
    ),
}
