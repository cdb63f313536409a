## Command menu descriptions
cmd-start = Mulai dan lihat apa yang dapat dilakukan bridgebot
cmd-help = Cara menggunakan bridgebot
cmd-setup = Daftarkan grup ini sebagai kota: /setup <kota> <bahasa> [zona waktu]
cmd-partnership = Tampilkan kemitraan, atau new / invite / join / leave
cmd-contacts = Narahubung di setiap kota mitra
cmd-lang = Ubah bahasa grup ini
cmd-focal = Tetapkan narahubung kota ini: /focal @pengguna

## Welcome and help
start-private = Halo! Saya bridgebot. Saya menghubungkan grup Telegram kota-kota mitra: setiap pesan muncul di semua grup mitra, diterjemahkan ke dalam bahasa grup masing-masing di server bot sendiri, tanpa layanan cloud. Silakan tambahkan saya ke grup kota Anda untuk memulai.
start-group = Halo! Saya bridgebot. Admin grup dapat mendaftarkan grup ini dengan /setup, lalu menghubungkannya dengan kota-kota mitra.
help =
    bridgebot menghubungkan grup-grup kota mitra dan menerjemahkan pesan di antara grup-grup tersebut.

    Langkah awal (admin grup):
    /setup <kota> <bahasa> [zona waktu] — daftarkan grup ini, misalnya /setup Hamburg de Europe/Berlin
    /partnership new <nama> — buat kemitraan (admin bot); Anda akan menerima kode undangan
    /partnership invite — kode undangan baru untuk satu kota lagi
    /partnership join <kode> — hubungkan grup ini ke sebuah kemitraan
    /partnership leave — keluarkan grup ini dari kemitraan
    /lang <bahasa> — ubah bahasa grup ini
    /focal @pengguna — tetapkan narahubung di kota ini

    Untuk semua anggota:
    /partnership — daftar kota beserta bahasa dan waktu setempatnya
    /contacts — narahubung setiap kota
    /commit <apa> paling lambat <tanggal> — catat komitmen (jika membalas pesan, teks pesan itu yang dipakai)
    /commitments [all | done | overdue | @pengguna] — komitmen dalam kemitraan
    /done, /blocked, /reopen, /due <nomor> — perbarui status komitmen
    /followup <#nomor | @pengguna | all> <kapan> [catatan] — jadwalkan tindak lanjut (koordinator), misalnya /followup #7 Jumat 10.00, /followup all setiap Senin 09.00
    /followups — tindak lanjut terjadwal dan pengingat otomatis; /followup cancel <F-nomor>
    /report — aktivitas kemitraan: pesan dan komitmen, beserta grafik
    /glossary — nama dan singkatan yang tidak diubah oleh penerjemahan
    /unsend — balas pesan Anda sendiri untuk menghapus salinannya
    /help — teks ini

## Setup
setup-done = ✅ Grup ini sekarang terdaftar sebagai { $city }: bahasa { $language }, zona waktu { $tz } (waktu setempat { $time }).
setup-tz-hint = Tips: silakan tambahkan zona waktu agar pengingat dikirim pada waktu setempat yang tepat, misalnya /setup { $city } { $lang } Europe/Berlin.
usage-setup = Penggunaan: /setup <kota> <bahasa> [zona waktu], misalnya /setup Hamburg de Europe/Berlin

## Partnerships
usage-partnership = Penggunaan: /partnership [new <nama> | invite | join <kode> | leave | original quote|full|none]
usage-partnership-new = Penggunaan: /partnership new <nama>, misalnya /partnership new Hamburg–Guadalajara
usage-partnership-join = Penggunaan: /partnership join <kode> — gunakan kode yang diterima oleh admin kota lain.
partnership-created = 🤝 Kemitraan “{ $name }” telah dibuat. Kode undangan untuk kota pertama: { $code } (berlaku { $days } hari, sekali pakai). Admin grup kota tersebut perlu mengirim: /partnership join { $code }
partnership-invite = Kode undangan baru untuk “{ $name }”: { $code } (berlaku { $days } hari, sekali pakai). Admin grup kota yang baru perlu mengirim: /partnership join { $code }
partnership-joined = 🤝 Grup ini telah bergabung dengan “{ $name }”, yang kini menghubungkan { $count } kota.
partnership-new-member = 🤝 { $city } telah bergabung dengan kemitraan “{ $name }”.
partnership-left = Grup ini telah keluar dari kemitraan “{ $name }”. Tidak akan ada lagi pesan yang disalurkan ke sini.
partnership-show =
    🤝 { $name } — { $count } kota
    { $members }
partnership-member-line = • { $city } — bahasa { $language }, { $time } ({ $tz }) — narahubung: { $focal }
contacts-show =
    Narahubung di setiap kota:
    { $members }
focal-none = belum ditetapkan (/focal @pengguna)

## Group settings
lang-done = ✅ Bahasa grup ini sekarang adalah bahasa { $language }.
usage-lang = Penggunaan: /lang <bahasa>, misalnya /lang id atau /lang Indonesia
focal-done = ✅ { $person } sekarang menjadi narahubung untuk { $city }.
usage-focal = Penggunaan: /focal @pengguna (atau balas salah satu pesan orang tersebut dengan /focal)

## Errors
error-name-empty = Nama harus berisi setidaknya satu huruf.
error-name-too-long = Nama itu terlalu panjang (maksimal { $max } karakter).
error-bad-timezone = “{ $tz }” bukan zona waktu yang saya kenal. Silakan gunakan nama IANA seperti Europe/Berlin, America/Mexico_City, atau Asia/Shanghai.
error-bad-language = “{ $lang }” bukan bahasa yang saya kenal. Silakan gunakan kode seperti de, en, zh, es, atau nama seperti Jerman.
error-not-set-up = Grup ini belum terdaftar. Admin grup dapat mendaftarkannya dengan /setup <kota> <bahasa> [zona waktu].
error-chat-admin-only = Hanya admin grup ini (atau admin bot) yang dapat melakukannya.
error-bot-admin-only = Hanya admin bot yang dapat melakukannya.
error-already-in-partnership = Grup ini sudah tergabung dalam sebuah kemitraan. Silakan keluar terlebih dahulu dengan /partnership leave.
error-no-partnership = Grup ini belum tergabung dalam kemitraan. Silakan bergabung dengan /partnership join <kode>.
error-code-unknown = Kode undangan itu tidak valid. Silakan periksa kembali kode tersebut atau minta kode baru dengan /partnership invite.
error-code-used = Kode undangan itu sudah digunakan. Silakan minta kode baru dengan /partnership invite.
error-code-expired = Kode undangan itu sudah kedaluwarsa. Silakan minta kode baru dengan /partnership invite.
error-unknown-user = Saya belum mengenal { $user }. Orang tersebut perlu menulis pesan terlebih dahulu di grup tempat saya berada, atau Anda dapat membalas salah satu pesannya dengan perintah ini.
error-group-only = Perintah ini hanya dapat digunakan di grup.
error-unknown-command = Saya tidak mengenal perintah { $command }. Silakan kirim /help untuk melihat apa saja yang dapat saya lakukan.

## Relay
cmd-glossary = Istilah yang dibiarkan apa adanya dalam terjemahan
cmd-unsend = Balas sebuah pesan dengan /unsend untuk menghapus salinannya
relay-header = { $sender } · { $city }
relay-pivot = (diterjemahkan dari bahasa { $source } melalui bahasa Inggris)
relay-no-model = (tidak diterjemahkan: model bahasa { $source } → { $target } belum terpasang)
relay-group-unreachable = ⚠️ Pesan tidak dapat lagi dikirim ke { $city }: bot telah dikeluarkan dari grup tersebut atau kehilangan izinnya di sana. Admin grup tersebut dapat menambahkan bot kembali dan bergabung lagi dengan kode undangan baru.
usage-unsend = Balas pesan yang disalurkan (atau salinannya) dengan /unsend untuk menghapus salinannya di grup-grup mitra.
unsend-done = 🗑 Salinan di { $count } grup mitra sedang dihapus.
error-unsend-unknown = Pesan itu tidak disalurkan, jadi tidak ada yang perlu dihapus.
error-unsend-not-yours = Hanya penulis pesan atau admin yang dapat menghapus salinannya.
error-unsend-done = Salinan pesan itu sudah dihapus.
partnership-original-done = ✅ Salinan kini menampilkan teks asli dengan mode: { $mode }.
usage-partnership-original = Penggunaan: /partnership original quote|full|none — quote: dilipat di bawah terjemahan; full: ditampilkan utuh; none: tidak ditampilkan.

## Glossary
usage-glossary = Penggunaan: /glossary add <istilah> [<bahasa>=<terjemahan> ...], /glossary remove <istilah>, atau /glossary untuk melihat daftarnya. Contoh: /glossary add Elbphilharmonie es=Filarmónica del Elba
glossary-added = ✅ “{ $term }” telah masuk glosarium: { $translations }.
glossary-removed = ✅ “{ $term }” telah dihapus dari glosarium.
glossary-empty = Glosarium masih kosong. Silakan tambahkan nama dan singkatan yang tidak boleh diterjemahkan dengan /glossary add <istilah>.
glossary-list =
    Glosarium ({ $count } istilah):
    { $terms }
error-glossary-full = Glosarium sudah penuh ({ $max } istilah). Mohon hapus satu istilah terlebih dahulu.
error-glossary-unknown = “{ $term }” tidak ada di glosarium.
error-coordinator-only = Hanya koordinator (admin grup, admin bot, atau orang yang diberi peran tersebut) yang dapat melakukannya.

## Commitments
cmd-commit = Catat komitmen: /commit [@penanggung_jawab] <apa> [paling lambat <tanggal>]
cmd-commitments = Komitmen kemitraan yang masih terbuka
cmd-done = Tandai komitmen sebagai selesai: /done <nomor>
cmd-blocked = Tandai komitmen sebagai terhambat: /blocked <nomor> <alasan>
cmd-reopen = Buka kembali komitmen: /reopen <nomor>
cmd-due = Ubah tenggat: /due <nomor> <tanggal>
cmd-role = Tetapkan peran koordinator atau anggota
usage-commit = Penggunaan: /commit [@penanggung_jawab] <apa yang dijanjikan> [paling lambat <tanggal>], misalnya /commit kirim anggaran paling lambat Jumat. Atau balas sebuah pesan dengan /commit [paling lambat <tanggal>].
usage-done = Penggunaan: /done <nomor>, misalnya /done #7
usage-blocked = Penggunaan: /blocked <nomor> <alasan>, misalnya /blocked #7 menunggu kepastian tempat
usage-reopen = Penggunaan: /reopen <nomor>
usage-due = Penggunaan: /due <nomor> <tanggal>, misalnya /due #7 Jumat
usage-commitments = Penggunaan: /commitments [all | done | overdue | @pengguna]
usage-role = Penggunaan: /role @pengguna coordinator|officer
commitment-created = 📌 #{ $id } { $owner } ({ $city }) akan: { $text } — tenggat: { $due }
commitment-done = ✅ #{ $id } selesai: { $text } ({ $owner }, ditandai oleh { $actor })
commitment-blocked = ⛔ #{ $id } terhambat: { $text } — { $reason } ({ $actor })
commitment-reopened = 🔄 #{ $id } dibuka kembali: { $text } ({ $actor })
commitment-due = 📅 Tenggat #{ $id } diubah menjadi { $due }: { $text } ({ $actor })
commitment-no-due = belum ditentukan
commitments-header = Komitmen ({ $count }) — halaman { $page }/{ $pages }
commitment-line = #{ $id } · { $owner } ({ $city }) · tenggat: { $due }{ $state }
    { $text }
commitment-state-done = { " " }· selesai
commitment-state-blocked = { " " }· terhambat: { $reason }
commitment-state-overdue = { " " }· ⚠️ lewat tenggat
commitments-empty = Belum ada komitmen di sini. Silakan catat komitmen dengan /commit <apa> paling lambat <tanggal>.
role-coordinator = ✅ { $person } sekarang menjadi koordinator kemitraan ini.
role-officer = ✅ { $person } sekarang menjadi anggota kemitraan ini (tanpa hak koordinator).
error-commitment-id = “{ $id }” bukan nomor komitmen. Silakan gunakan nomor yang ditampilkan, seperti #7.
error-commitment-unknown = Tidak ada komitmen #{ $id } dalam kemitraan ini.
error-commitment-not-yours = Hanya penanggung jawab komitmen atau koordinator yang dapat mengubahnya.
error-commitment-already-done = #{ $id } sudah selesai.
error-commitment-already-open = #{ $id } masih terbuka.
error-commit-owner = Siapa yang membuat komitmen ini? Silakan gunakan /commit @pengguna <apa>.
error-commit-too-long = Teks itu terlalu panjang untuk sebuah komitmen (maksimal { $max } karakter).
error-date-unreadable = Saya tidak dapat membaca tanggal “{ $date }”. Silakan coba misalnya 2026-12-04, Jumat, besok, atau dalam 2 minggu.
error-date-past = “{ $date }” sudah lewat. Mohon masukkan tanggal yang akan datang.

## Follow-ups
cmd-followup = Jadwalkan tindak lanjut: /followup <#nomor | @pengguna | all> <kapan> [catatan]
cmd-followups = Tindak lanjut terjadwal dan pengingat otomatis
cmd-report = Aktivitas kemitraan: pesan dan komitmen
usage-followup = Penggunaan: /followup <#nomor | @pengguna | all> <kapan> [catatan], misalnya /followup #7 Jumat 10.00 mohon kirimkan agenda, atau /followup all setiap Senin 09.00. Batalkan dengan /followup cancel <F-nomor>; lihat pengingat otomatis dengan /followup settings.
usage-followup-settings = Penggunaan: /followup settings <reminder | overdue | digest | dormancy | hours | days> <nilai>, misalnya /followup settings reminder 3d, /followup settings digest off, /followup settings hours 09:00-18:00, /followup settings days mon-fri
followup-scheduled =
    ⏰ Tindak lanjut F{ $id } dijadwalkan — { $what }, { $when }.
    { $times }
followup-time-line = • { $city }: { $time }
followup-outside-hours = { " " }⚠️ di luar jam kerja setempat
followup-once = pada { $time }
followup-target-commitment = komitmen #{ $id }
followup-target-user = { $person }
followup-target-all = semua anggota
followup-cancelled = 🗑 Tindak lanjut F{ $id } dibatalkan.
followups-header = Tindak lanjut terjadwal ({ $count }):
followups-line =
    F{ $id } · { $what } · { $when } · catatan: { $note }
      berikutnya: { $next }
followups-next-item = { $city } { $time }
followups-empty = Belum ada tindak lanjut terjadwal. Silakan jadwalkan dengan /followup <#nomor | @pengguna | all> <kapan>.
followup-settings =
    Pengingat otomatis (hanya pada jam kerja, menurut waktu setempat di setiap kota):
    • pengingat sebelum tenggat: { $reminder }
    • pemberitahuan saat komitmen lewat tenggat: { $overdue }
    • ringkasan mingguan: { $digest }
    • peringatan jika kemitraan tidak aktif selama: { $dormancy }
    • jam kerja: { $hours }, { $days }
    Koordinator dapat mengubahnya dengan /followup settings <nama> <nilai>.
followup-settings-saved = ✅ Tersimpan.
setting-off = nonaktif
setting-on = aktif
setting-hours = { $hours } jam
setting-days = { $days } hari
rule-day = { $interval ->
        [1] setiap hari
       *[other] setiap { $interval } hari
    } pukul { $time }
rule-week = { $interval ->
        [1] setiap hari { $weekday }
       *[other] setiap { $interval } minggu pada hari { $weekday }
    } pukul { $time }
rule-month = { $interval ->
        [1] setiap bulan
       *[other] setiap { $interval } bulan
    } pada tanggal { $day } pukul { $time }
error-when-unreadable = Saya tidak dapat membaca waktu “{ $when }”. Silakan coba misalnya dalam 3 hari, besok 10.00, 2026-12-01 09.30, Jumat 15.00, atau setiap Senin 09.00.
error-followup-id = “{ $id }” bukan nomor tindak lanjut. Silakan gunakan nomor yang ditampilkan, seperti F3.
error-followup-unknown = Tidak ada tindak lanjut terjadwal F{ $id } dalam kemitraan ini.
error-followup-commitment-done = #{ $id } sudah selesai: tidak ada yang perlu ditindaklanjuti.
error-setting-unknown = Tidak ada pengaturan “{ $setting }”. Silakan gunakan reminder, overdue, digest, dormancy, hours, atau days.
error-setting-value = “{ $value }” tidak sesuai untuk { $setting }. Contoh: reminder 2d, overdue off, digest monday 09:00, dormancy 21d, hours 08:00-20:00, days mon-fri.

## Nudges
nudge-followup-commitment = ⏰ Tindak lanjut #{ $id }: { $owner } ({ $city }) — { $text } — tenggat: { $due }
nudge-followup-person = ⏰ Tindak lanjut untuk { $person }
nudge-followup-all = ⏰ Tindak lanjut untuk semua anggota “{ $name }”
nudge-none-open = Tidak ada komitmen yang masih terbuka.
nudge-more = … dan { $count } lainnya (/commitments)
nudge-note = 📝 { $note }
nudge-late = (Terlambat dikirim: seharusnya dikirim pada { $time }, tetapi saat itu bot sedang tidak berjalan.)
nudge-reminder = ⏳ Pengingat: tenggat #{ $id } jatuh pada { $due } — { $owner } ({ $city }): { $text }
nudge-overdue = ⚠️ #{ $id } lewat tenggat sejak { $due } — { $owner } ({ $city }): { $text }. Sudah selesai? /done { $id } · Tanggal baru? /due { $id } <tanggal>
nudge-digest = 📋 Ringkasan mingguan “{ $name }”: { $open } terbuka, { $overdue } lewat tenggat
nudge-dormancy = 💤 Belum ada aktivitas di “{ $name }” selama { $days } hari (aktivitas terakhir: { $since }). Kabar singkat akan menjaga kerja sama tetap berjalan: adakah kabar terbaru dari pihak Anda?

## Report
report-header = 📊 “{ $name }” — aktivitas kemitraan, { $days } hari terakhir (per { $date })
report-city = • { $city }: { $messages } pesan · komitmen: { $made } dibuat, { $done } selesai ({ $ontime } tepat waktu), { $overdue } lewat tenggat · aktivitas terakhir: { $last }
report-never = belum pernah
report-median = Median waktu hingga selesai: { $days } hari
report-median-none = Belum ada komitmen yang selesai.
report-chart-caption = 📊 Sekilas tentang “{ $name }”
report-chart-messages = Pesan, { $days } hari terakhir
report-chart-commitments = Komitmen
report-chart-made = dibuat
report-chart-done = selesai
report-chart-ontime = tepat waktu
report-chart-overdue = lewat tenggat

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 Kemitraan “{ $name }” telah dibuat. { $person }, kode undangannya sudah saya kirim ke obrolan pribadi kita.
partnership-created-joined-code-sent = 🤝 Kemitraan “{ $name }” telah dibuat, dan grup ini menjadi kota pertamanya. { $person }, kode undangan untuk kota berikutnya sudah saya kirim ke obrolan pribadi kita.
partnership-invite-code-sent = { $person }, kode undangan baru untuk “{ $name }” sudah saya kirim ke obrolan pribadi kita.
partnership-code-private-needed = { $person }, kode undangan hanya saya kirim secara pribadi, dan Telegram baru mengizinkan saya menulis kepada Anda setelah Anda memulai obrolan dengan saya. Silakan buka { $link }, tekan Mulai, lalu kirim perintah itu lagi di sini. Tidak ada kode yang diterbitkan.
error-code-anonymous = Kode undangan dikirim secara pribadi kepada orang yang memintanya, jadi saya tidak dapat mengirimkannya kepada admin anonim. Silakan kirim perintah itu lagi atas nama Anda sendiri.
start-join-code = Sekarang saya dapat mengirimkan kode undangan kepada Anda. Silakan kirim lagi /partnership invite (atau /partnership new <nama>) di grup kota Anda, dan kodenya akan sampai di sini.
error-unsend-other-city = Hanya penulis pesan, admin grup { $city }, atau admin bot yang dapat menghapus pesan ini dari semua grup. Untuk menghapusnya dari grup ini saja, silakan hapus salinannya di sini.
error-unsend-left = Pesan ini disalurkan dalam kemitraan yang tidak lagi diikuti grup ini, jadi salinannya tidak dapat dihapus lagi dari sini.

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 Salinan telah dihapus di: { $cities }.
unsend-report-kept = ⚠️ Salinan di { $cities } tidak dapat dihapus (Telegram hanya mengizinkan bot menghapus pesan hingga 48 jam setelah dikirim). Admin masing-masing grup tersebut dapat menghapusnya secara manual.

# Dates too far ahead (hostile input)
error-date-too-far = “{ $date }” terlalu jauh. Mohon masukkan tanggal dalam { $years } tahun ke depan.

# Galat Telegram: grup mitra yang tidak mengizinkan satu jenis pesan
relay-kind-refused = ℹ️ { $city } tidak mengizinkan { $kind ->
        [photo] foto
        [video] video
        [animation] GIF
        [audio] musik
        [voice] pesan suara
        [document] file
        [sticker] stiker
        [video_note] pesan video
        [poll] polling
        [dice] dadu
       *[other] jenis pesan ini
    }, sehingga konten tersebut tidak disalurkan ke sana. Admin grup tersebut dapat mengizinkannya di pengaturan izin grup.

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = Kota lewat e-mail: /email add | remove | mode
usage-email = /email menampilkan kota lewat e-mail; /email add <alamat> <kota> <bahasa> [zona waktu]; /email remove <alamat>; /email mode <alamat> each|digest [menit]
usage-email-add = Penggunaan: /email add <alamat> <kota> <bahasa> [zona waktu], misalnya /email add wang@hz.example Hangzhou zh Asia/Shanghai. Untuk alamat tambahan bagi kota lewat e-mail yang sudah ada, cukup sebutkan kotanya.
usage-email-remove = Penggunaan: /email remove <alamat>
usage-email-mode = Penggunaan: /email mode <alamat> each|digest [menit] (ringkasan paling sering setiap N menit, bawaannya 10)
error-email-off = E-mail belum dikonfigurasi untuk bot ini. Pengelola dapat mengatur BRIDGEBOT_EMAIL_ADDRESS, BRIDGEBOT_SMTP_URL, dan BRIDGEBOT_IMAP_URL.
error-email-bad-address = “{ $address }” bukan alamat e-mail.
error-email-known = { $address } sudah terdaftar.
error-email-city-language = { $city } belum menjadi kota lewat e-mail dalam kemitraan ini: mohon sebutkan bahasanya (dan zona waktunya), misalnya /email add <alamat> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } sudah ikut serta melalui grup Telegram-nya.
error-email-unknown = { $address } bukan alamat dalam kemitraan ini.
error-email-command = { $command } tidak dapat digunakan lewat e-mail. Lewat e-mail, Anda dapat menggunakan /done, /blocked, /reopen, /due, /commit, dan /commitments.
email-invited = Undangan dikirim ke { $address } ({ $city } ✉). Alamat ini tidak menerima apa pun lagi sampai ada yang membalas undangan tersebut.
email-removed = { $address } telah dihapus dan tidak menerima apa pun lagi.
email-mode-set-each = { $address } kini menerima satu e-mail untuk setiap pesan.
email-mode-set-digest = { $address } kini menerima ringkasan paling sering setiap { $minutes } menit.
email-list-empty = Kemitraan ini belum memiliki kota lewat e-mail. Koordinator dapat mengundang kota dengan /email add <alamat> <kota> <bahasa> [zona waktu].
email-list-header = Kota lewat e-mail dalam kemitraan ini:
email-mode-each = satu e-mail per pesan
email-mode-digest = ringkasan setiap { $minutes } menit
email-state-invited = diundang, menunggu balasan
email-state-active = aktif
email-state-bouncing = e-mail terpental
email-state-stopped = berhenti berlangganan
email-partner-joined = ✉ { $address } telah mengonfirmasi dan kini ikut serta lewat e-mail untuk { $city }.
email-partner-stopped = ✉ { $address } ({ $city }) telah berhenti berlangganan dan tidak lagi menerima e-mail.
email-partner-bouncing = ✉ E-mail ke { $address } ({ $city }) terus terpental, jadi tidak ada lagi yang dikirim ke sana. Mohon periksa alamatnya (/email remove, lalu /email add).
email-invitation-subject = Undangan ke kemitraan { $partnership }
email-invitation =
    Bapak/Ibu yang terhormat,

    { $inviter } ({ $inviter_city }) mengundang Anda untuk ikut serta lewat e-mail dalam kemitraan { $partnership } sebagai petugas dari { $city }. Kota dalam kemitraan: { $cities }.

    Anda akan menerima pesan para mitra yang diterjemahkan ke { $language }, dengan teks asli di bawahnya (dikumpulkan dalam ringkasan), komitmen baru dan yang telah selesai, serta pengingat sesuai waktu setempat Anda. Balasan Anda diterjemahkan dan diteruskan ke setiap grup mitra; balasan boleh diawali perintah seperti /done 12 atau /commit <apa> paling lambat <tanggal>.

    Untuk mengonfirmasi, cukup balas e-mail ini. Sebelum itu, Anda tidak akan menerima apa pun lagi.
    Untuk berhenti kapan saja, balas dengan “unsubscribe”.
email-answer-subject = Re: { $command }
email-digest-subject = { $partnership }: percakapan tanggal { $date }
email-footer = Balas e-mail ini untuk menjawab para mitra; balasan Anda diterjemahkan untuk mereka. Perintah: /done <nomor>, /blocked <nomor> <alasan>, /commit <apa> paling lambat <tanggal>, /commitments. Untuk berhenti, balas dengan “unsubscribe”.
