"""Nội dung danh mục dịch vụ mẫu bằng tiếng Việt (bộ phận, dịch vụ, gói dịch vụ)."""

DEPARTMENTS = {
    "reception": "Lễ tân",
    "housekeeping": "Buồng phòng",
    "kids-club": "Câu lạc bộ trẻ em",
    "restaurant": "Nhà hàng",
    "excursions": "Quầy tour tham quan",
    "transport": "Vận chuyển",
    "wellness": "Chăm sóc sức khỏe và hồ bơi",
    "stables": "Chuồng ngựa và trang trại",
    "boat-house": "Nhà thuyền",
    "sports": "Thể thao",
    "entertainment": "Giải trí",
}

SERVICES = {
    "crib": (
        "Cũi em bé trong phòng",
        "Cũi em bé bằng gỗ với nệm mới, ga bọc và chăn mỏng, được bộ phận buồng phòng lắp đặt "
        "sẵn trước khi Quý khách nhận phòng vào ngày đến. Cũi phù hợp với bé đến khoảng hai "
        "tuổi, và chúng tôi sẵn lòng chuyển cũi sang góc khác trong phòng nếu Quý khách muốn.",
    ),
    "stroller": (
        "Thuê xe đẩy em bé",
        "Xe đẩy địa hình có mái che nắng, áo mưa và giỏ đựng đồ bên dưới, đủ chắc chắn cho "
        "những lối sỏi quanh hồ. Quý khách nhận xe tại quầy lễ tân từ 8:00 và trả lại tại đó "
        "trước 20:00 vào ngày cuối đã đặt. Phù hợp cho bé từ sáu tháng đến khoảng bốn tuổi.",
    ),
    "kids-animation": (
        "Vui chơi cùng hoạt náo viên",
        "Hai giờ trò chơi, thủ công, săn kho báu và vẽ mặt cùng các hoạt náo viên trên bãi cỏ "
        "phía sau câu lạc bộ trẻ em; trời mưa thì chuyển vào trong nhà. Các bé chơi theo nhóm "
        "tuổi, cha mẹ có thể gửi bé lại hoặc ở lại xem. Xin nhớ mang theo mũ che nắng và bình "
        "nước cho bé.",
    ),
    "kids-party": (
        "Tiệc cho trẻ em",
        "Chiều thứ Tư và thứ Bảy hằng tuần, câu lạc bộ trẻ em tổ chức tiệc theo chủ đề (cướp "
        "biển, muông thú trong rừng hoặc rạp xiếc) với âm nhạc, trò chơi, một tiết mục biểu "
        "diễn ngắn và bánh ngọt, do các hoạt náo viên dẫn dắt trong khi cha mẹ thư giãn ở sân "
        "hiên bên cạnh. Nếu sinh nhật bé rơi vào kỳ lưu trú, xin báo trước để chúng tôi thêm "
        "một bài hát và một món quà nhỏ.",
    ),
    "children-pool": (
        "Hồ bơi nước ấm cho trẻ em",
        "Một giờ trong hồ bơi trong nhà nước nông, giữ ở 32 °C, có phao, đồ chơi dưới nước và "
        "nhân viên cứu hộ túc trực bên thành hồ suốt buổi. Trẻ dưới sáu tuổi cần có người lớn "
        "xuống nước cùng; tã bơi có sẵn tại quầy hồ bơi. Chúng tôi giữ nhóm nhỏ để các bé có "
        "đủ chỗ vui đùa.",
    ),
    "kids-club": (
        "Câu lạc bộ trẻ em có người trông",
        "Ba giờ tại câu lạc bộ trẻ em cùng đội ngũ trông trẻ có chuyên môn: sân chơi, tường "
        "leo núi cho người mới bắt đầu, đồ chơi xếp hình và góc đọc truyện cho những lúc cần "
        "yên tĩnh. Đã bao gồm bữa ăn nhẹ lành mạnh và đồ uống, vì vậy xin báo cho nhân viên "
        "về dị ứng của bé (nếu có) khi gửi bé.",
    ),
    "babysitting": (
        "Trông trẻ",
        "Một người trông trẻ đã được chúng tôi kiểm tra kỹ sẽ chăm sóc các bé ngay tại phòng "
        "để Quý khách thong thả dùng bữa tối hay có một buổi tối riêng. Xin cho biết ngày, giờ "
        "bắt đầu và số giờ cần trông; lễ tân sẽ xác nhận khi đã sắp xếp được người. Giá theo "
        "giờ áp dụng cho tối đa ba trẻ của cùng một gia đình.",
    ),
    "paediatrician": (
        "Khám bác sĩ nhi",
        "Nếu bé không khỏe, lễ tân sẽ sắp xếp để bác sĩ nhi khoa trong làng đến khám tại phòng, "
        "hoặc đưa bé đến phòng khám cách mười phút đi ô tô. Xin mô tả ngắn gọn triệu chứng để "
        "bác sĩ chuẩn bị; phí dịch vụ gồm buổi khám, còn thuốc thanh toán tại nhà thuốc. Trường "
        "hợp khẩn cấp, xin gọi ngay lễ tân số 9 hoặc quay số 112.",
    ),
    "childrens-menu": (
        "Thực đơn trẻ em",
        "Bữa trưa và bữa tối với khẩu phần vừa cho trẻ từ thực đơn trẻ em, chẳng hạn mì Ý sốt "
        "cà chua, cá tẩm bột chiên với khoai tây hay súp rau trong ngày, kèm món tráng miệng. "
        "Ghế ăn cho bé và bút sáp màu đã chờ sẵn tại bàn. Bé đến hai tuổi được miễn phí; xin "
        "báo cho nhân viên phục vụ về dị ứng của bé (nếu có).",
    ),
    "family-excursion": (
        "Tham quan cho gia đình",
        "Nửa ngày đi xe buýt nhỏ đến một trang trại bò sữa đang hoạt động ở thung lũng bên "
        "cạnh: các bé được giúp cho bê ăn, cả nhà nếm phô mai tươi, sau đó đi bộ nhẹ nhàng đến "
        "một thác nước. Hướng dẫn viên của khách sạn dẫn đoàn và lối đi phù hợp cả với xe đẩy. "
        "Xin mang giày chắc chắn và áo mưa.",
    ),
    "sports-equipment": (
        "Dụng cụ thể thao: xe đạp địa hình",
        "Xe đạp địa hình vừa được bảo dưỡng, kèm mũ bảo hiểm, khóa xe và bản đồ các cung "
        "đường được đánh dấu quanh hồ và lên đồi thông. Quý khách nhận xe tại chòi thể thao "
        "cạnh sân quần vợt, nơi nhân viên chỉnh yên và gợi ý lộ trình. Khung xe phù hợp với "
        "người cao từ khoảng 1,45 m.",
    ),
    "kids-equipment": (
        "Bộ đồ dùng cho bé",
        "Bộ đồ dùng cho em bé và trẻ nhỏ: máy hâm sữa, chậu tắm, tấm lót thay tã, thanh chắn "
        "giường và máy báo khóc. Bộ phận buồng phòng mang đến phòng vào ngày đầu tiên Quý khách "
        "đặt và thu lại sau ngày cuối, để Quý khách có thể đi du lịch gọn nhẹ.",
    ),
    "transfer": (
        "Xe đưa đón riêng",
        "Tài xế của chúng tôi cầm bảng tên đón Quý khách tại sân bay hoặc ga tàu và đưa Quý "
        "khách về bằng xe rộng rãi, đủ chỗ cho hành lý và xe đẩy; ghế ngồi cho trẻ em được lắp "
        "miễn phí. Xin cho biết điểm đón, điểm đến, số hiệu chuyến bay hoặc tàu và số hành "
        "khách; lễ tân sẽ xác nhận giờ đón. Giá tính cho một chuyến, tối đa bảy người.",
    ),
    "group-excursion": (
        "Tour tham quan theo đoàn cả ngày",
        "Một ngày trọn vẹn đi xe khách cùng hướng dẫn viên: buổi sáng dạo phố cổ bên sông, ăn "
        "trưa tại một quán ăn gia đình, buổi chiều đi cáp treo lên điểm ngắm cảnh. Đã bao gồm "
        "bữa trưa và vé cáp treo; xe khởi hành từ cổng chính lúc 8:30 đúng giờ. Xin mang giày "
        "thoải mái và thêm một áo ấm khi lên đỉnh.",
    ),
    "private-tour": (
        "Tour riêng có hướng dẫn viên",
        "Nửa ngày với hướng dẫn viên và xe riêng, lịch trình theo sở thích của Quý khách: lâu "
        "đài, hầm rượu vang, đi bộ đường dài, chụp ảnh hay làng nghề thủ công. Xin cho biết sở "
        "thích, số người và nơi đón; quầy tour sẽ gửi lộ trình để Quý khách xác nhận. Giá tính "
        "cho cả nhóm, tối đa sáu người.",
    ),
    "disco-night": (
        "Đêm disco",
        "Tối thứ Sáu và thứ Bảy, quầy bar dưới hầm trở thành sàn nhảy với DJ, ánh đèn và những "
        "bản nhạc đang thịnh hành xen lẫn nhạc kinh điển đến 1:00 sáng. Vé vào cửa kèm một đồ "
        "uống tùy chọn. Khách phải từ 16 tuổi trở lên, xin mang theo giấy tờ tùy thân.",
    ),
    "event-tickets": (
        "Vé sự kiện tại địa phương",
        "Lễ tân mua giúp Quý khách vé xem hòa nhạc, lễ hội mùa hè, nhà hát ngoài trời bên hồ và "
        "các trận đấu ở thị trấn gần đó. Xin cho biết sự kiện và ngày; chúng tôi kiểm tra chỗ "
        "ngồi và xác nhận trước khi tính bất kỳ khoản nào vào phòng. Giá hiển thị là cho một "
        "ghế hạng thường; nếu sự kiện có giá khác, chúng tôi sẽ báo trước khi đặt.",
    ),
    "car-rental": (
        "Thuê ô tô",
        "Ô tô nhỏ gọn năm chỗ, số tự động, đầy bình xăng, không giới hạn số km trong vùng, đỗ "
        "sẵn trước cửa khách sạn. Người lái cần có bằng lái ít nhất một năm và thẻ tín dụng để "
        "đặt cọc; ghế trẻ em và hộp hành lý trên nóc xe có sẵn theo yêu cầu.",
    ),
    "scooter-rental": (
        "Thuê xe máy tay ga",
        "Xe tay ga 125 cc kèm hai mũ bảo hiểm, thùng đồ phía sau và bản đồ những con đường quê "
        "yên tĩnh, sẵn sàng tại quầy vận chuyển từ 9:00. Quý khách cần có bằng lái xe mô tô "
        "đến 125 cc. Đã bao gồm bình xăng đầu tiên; xin trả chìa khóa trước 19:00.",
    ),
    "fishing-trip": (
        "Câu cá có người hướng dẫn",
        "Ra hồ lúc bình minh cùng người trông nhà thuyền đến những điểm câu quen thuộc của ông "
        "để câu cá rô, cá chó và cá hồi. Đã bao gồm cần câu, mồi, giấy phép câu trong ngày và "
        "đồ uống nóng; nhà bếp sẵn lòng nướng mẻ cá cho bữa tối nếu Quý khách muốn. Xin mặc "
        "ấm vì buổi sáng sớm trên mặt nước khá lạnh.",
    ),
    "horse-riding": (
        "Cưỡi ngựa",
        "Chín mươi phút cưỡi những chú ngựa hiền theo đường mòn trong rừng và dọc bờ hồ, do "
        "huấn luyện viên của trại ngựa dẫn đường. Người mới bắt đầu được học nhanh một buổi "
        "trong bãi tập trước, mũ bảo hiểm và áo bảo hộ được cung cấp sẵn. Xin mặc quần dài và "
        "giày kín mũi; người cưỡi phải từ 8 tuổi trở lên và nặng dưới 95 kg.",
    ),
    "pony-ride": (
        "Cưỡi ngựa lùn cho bé",
        "Các kỵ sĩ nhí ngồi trên lưng một chú ngựa lùn hiền lành, nhân viên chăm ngựa dắt đi "
        "quanh vườn cây ăn quả, có cha mẹ đi bộ bên cạnh. Sau đó các bé được chải lông và cho "
        "ngựa ăn cà rốt. Có sẵn mũ bảo hiểm cỡ nhỏ.",
    ),
    "boat-trip": (
        "Du thuyền trên hồ",
        "Một giờ trên chiếc thuyền điện êm ả, sang vịnh phía xa rồi quay về, trong khi người lái "
        "thuyền kể về hồ, những hòn đảo và các loài chim làm tổ ở đó. Trên thuyền có sẵn chăn "
        "cho những ngày se lạnh và có chỗ để xe đẩy đã gấp gọn. Xin có mặt tại cầu tàu của "
        "khách sạn mười phút trước giờ khởi hành.",
    ),
    "boat-rental": (
        "Thuê thuyền chèo",
        "Chèo một trong bốn chiếc thuyền của chúng tôi trong một giờ để khám phá những bãi lau "
        "sậy và hòn đảo nhỏ theo nhịp của riêng mình. Mỗi thuyền chở tối đa bốn người, có áo "
        "phao cho người lớn và trẻ em, và nhân viên nhà thuyền chỉ cho Quý khách vùng nước an "
        "toàn trước khi xuất phát. Trẻ dưới 14 tuổi chỉ được ra hồ cùng người lớn.",
    ),
    "sauna": (
        "Xông hơi",
        "Hai giờ tại nhà xông hơi bên hồ, có phòng xông khô kiểu Phần Lan, phòng xông ướt, bể "
        "nước lạnh và phòng nghỉ yên tĩnh nhìn ra mặt hồ. Có sẵn khăn tắm, áo choàng và trà "
        "thảo mộc. Dành cho khách từ 16 tuổi trở lên; xin ngồi trên khăn khi vào phòng xông.",
    ),
    "bath-house": (
        "Nhà tắm riêng bên hồ",
        "Nhà tắm bằng gỗ bên bờ hồ dành riêng cho nhóm của Quý khách: bồn nước nóng đốt củi "
        "khoảng 38 °C, một phòng xông hơi nhỏ và sân hiên nhô ra mặt nước. Bộ phận chăm sóc sức "
        "khỏe nhóm lửa từ trước và để sẵn khăn tắm cùng một bình nước mát. Giá tính theo buổi "
        "cho tối đa sáu người; trẻ em được chào đón khi đi cùng cha mẹ.",
    ),
    "paintball": (
        "Bắn súng sơn trong rừng",
        "Hai đội thi cướp cờ trong một khu rừng thông có rào và đánh dấu, với trọng tài từ đội "
        "thể thao của chúng tôi giải thích luật chơi và giám sát an toàn. Đã bao gồm súng, mặt "
        "nạ, áo liền quần và 200 viên đạn sơn mỗi người. Người chơi phải từ 14 tuổi trở lên; "
        "người dưới 18 tuổi cần cha mẹ ký giấy cam kết.",
    ),
    "petting-zoo": (
        "Thăm vườn thú mini",
        "Gặp gỡ những chú dê, thỏ, cừu và hai chú lừa tại vườn thú cạnh chuồng ngựa, cùng người "
        "chăm sóc kể cho các bé nghe tên và câu chuyện của từng con vật. Túi thức ăn phù hợp "
        "được phát tại cổng. Xin mang giày có thể bị lấm bùn.",
    ),
    "mini-farm": (
        "Buổi sáng ở trang trại nhỏ",
        "Cùng bác nông dân đi một vòng buổi sáng: nhặt trứng gà, thử vắt sữa dê và hái rau "
        "trong vườn để nhà hàng nấu ngay trong ngày. Trẻ em ở mọi lứa tuổi đều tham gia cùng "
        "cha mẹ, và ủng cao su đủ cỡ đã chờ sẵn trong nhà kho.",
    ),
}

PACKAGES = {
    "family": (
        "Gói gia đình",
        "Mọi thứ một gia đình cần cho kỳ nghỉ thảnh thơi: từ chiếc cũi đã sẵn sàng khi Quý "
        "khách đến, các buổi ở câu lạc bộ trẻ em, dịch vụ trông trẻ đến thực đơn trẻ em. Các "
        "dịch vụ đặt theo gói được hưởng giá ưu đãi.",
    ),
    "outdoor": (
        "Gói hoạt động ngoài trời",
        "Dành cho Quý khách muốn ra ngoài khám phá vùng đất này: xe đưa đón, tour tham quan "
        "theo đoàn cả ngày và tour riêng, ô tô hoặc xe tay ga để tự đi, những đêm disco và vé "
        "các sự kiện địa phương. Đặt theo gói để tiết kiệm cho từng dịch vụ.",
    ),
    "nature": (
        "Trải nghiệm thiên nhiên",
        "Hồ nước, rừng thông và trang trại ở ngay trước cửa: câu cá lúc bình minh, cưỡi ngựa "
        "và chèo thuyền, những buổi tối xông hơi, bắn súng sơn giữa rừng thông và những buổi "
        "sáng bên các con vật. Kết hợp thành gói để được giá tốt hơn.",
    ),
}
