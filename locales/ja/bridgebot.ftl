## Command menu descriptions
cmd-start = bridgebot の紹介と利用開始
cmd-help = bridgebot の使い方
cmd-setup = このグループを都市として登録：/setup <都市> <言語> [タイムゾーン]
cmd-partnership = パートナーシップの表示、または new / invite / join / leave
cmd-contacts = 各パートナー都市の窓口担当者
cmd-lang = このグループの言語を変更
cmd-focal = この都市の窓口担当者を設定：/focal @ユーザー

## Welcome and help
start-private = こんにちは。bridgebot です。パートナー都市どうしの Telegram グループをつなぎます。各メッセージはすべてのパートナーグループに表示され、ボット自身のサーバー上で（クラウドサービスを使わずに）それぞれのグループの言語に翻訳されます。ご利用を始めるには、所属する都市のグループに bridgebot を追加してください。
start-group = こんにちは。bridgebot です。グループ管理者が /setup でこのグループを登録し、パートナー都市とつなぐことができます。
help =
    bridgebot はパートナー都市のグループをつなぎ、グループ間のメッセージを翻訳します。

    はじめに（グループ管理者）：
    /setup <都市> <言語> [タイムゾーン] — このグループを登録します。例：/setup 京都 ja Asia/Tokyo
    /partnership new <名称> — パートナーシップを作成します（ボット管理者）。参加コードが発行されます
    /partnership invite — もう1都市分の新しい参加コードを発行します
    /partnership join <コード> — このグループをパートナーシップに参加させます
    /partnership leave — このグループをパートナーシップから外します
    /lang <言語> — このグループの言語を変更します
    /focal @ユーザー — この都市の窓口担当者を設定します

    どなたでも：
    /partnership — 各都市とその言語・現地時刻
    /contacts — 各都市の窓口担当者
    /commit <内容> <日付>までに — 対応事項を記録します（メッセージへの返信で使うと、その本文を記録します）
    /commitments [all | done | overdue | @ユーザー] — パートナーシップの対応事項一覧
    /done、/blocked、/reopen、/due <番号> — 対応事項の状況を更新します
    /followup <#番号 | @ユーザー | all> <日時> [メモ] — フォローアップを予約します（コーディネーター）。例：/followup #7 金曜日 10:00、/followup all 毎週月曜日 09:00
    /followups — 予約済みのフォローアップと自動通知。取消：/followup cancel <F番号>
    /report — パートナーシップの活動状況：メッセージと対応事項（グラフ付き）
    /glossary — 翻訳せずにそのまま残す名称・略語
    /unsend — 自分のメッセージに返信して、そのコピーを削除します
    /help — このヘルプ

## Setup
setup-done = ✅ このグループを{ $city }として登録しました：言語 { $language }、タイムゾーン { $tz }（現地時刻 { $time }）。
setup-tz-hint = ヒント：タイムゾーンを指定すると、通知が正しい現地時刻に届きます。例：/setup { $city } { $lang } Asia/Tokyo
usage-setup = 使い方：/setup <都市> <言語> [タイムゾーン]　例：/setup 京都 ja Asia/Tokyo

## Partnerships
usage-partnership = 使い方：/partnership [new <名称> | invite | join <コード> | leave | original quote|full|none]
usage-partnership-new = 使い方：/partnership new <名称>　例：/partnership new 京都–ケルン
usage-partnership-join = 使い方：/partnership join <コード> — 他の都市の管理者が受け取ったコードを使ってください。
partnership-created = 🤝 パートナーシップ「{ $name }」を作成しました。最初の都市用の参加コード：{ $code }（有効期間{ $days }日、1回限り）。その都市のグループで、管理者が次のように送信してください：/partnership join { $code }
partnership-invite = 「{ $name }」の新しい参加コード：{ $code }（有効期間{ $days }日、1回限り）。新しい都市のグループで、管理者が次のように送信してください：/partnership join { $code }
partnership-joined = 🤝 このグループは「{ $name }」に参加しました。現在{ $count }都市がつながっています。
partnership-new-member = 🤝 { $city }がパートナーシップ「{ $name }」に参加しました。
partnership-left = このグループはパートナーシップ「{ $name }」から離脱しました。今後、ここにはメッセージが中継されません。
partnership-show =
    🤝 { $name } — { $count }都市
    { $members }
partnership-member-line = • { $city } — { $language }、{ $time }（{ $tz }）— 窓口担当者：{ $focal }
contacts-show =
    各都市の窓口担当者：
    { $members }
focal-none = 未設定（/focal @ユーザー）

## Group settings
lang-done = ✅ このグループの言語を{ $language }に変更しました。
usage-lang = 使い方：/lang <言語>　例：/lang ja または /lang 日本語
focal-done = ✅ { $person }さんが{ $city }の窓口担当者になりました。
usage-focal = 使い方：/focal @ユーザー（または、その人のメッセージに /focal で返信）

## Errors
error-name-empty = 名称には文字を1つ以上含めてください。
error-name-too-long = 名称が長すぎます。{ $max }文字以内にしてください。
error-bad-timezone = 「{ $tz }」は認識できないタイムゾーンです。Asia/Tokyo、Europe/Berlin、America/Mexico_City などの IANA 名を使ってください。
error-bad-language = 「{ $lang }」は認識できない言語です。ja、en、de、zh などのコード、または「日本語」「ドイツ語」などの名称を使ってください。
error-not-set-up = このグループはまだ登録されていません。グループ管理者が /setup <都市> <言語> [タイムゾーン] で登録できます。
error-chat-admin-only = この操作は、このグループの管理者（またはボット管理者）のみ行えます。
error-bot-admin-only = この操作は、ボット管理者のみ行えます。
error-already-in-partnership = このグループはすでにパートナーシップに参加しています。先に /partnership leave で離脱してください。
error-no-partnership = このグループはまだパートナーシップに参加していません。/partnership join <コード> で参加してください。
error-code-unknown = この参加コードは無効です。コードを確認するか、/partnership invite で新しいコードを発行してもらってください。
error-code-used = この参加コードはすでに使用されています。/partnership invite で新しいコードを発行してもらってください。
error-code-expired = この参加コードは有効期限が切れています。/partnership invite で新しいコードを発行してもらってください。
error-unknown-user = { $user }さんの情報がまだありません。その方に bridgebot のいるグループで一度メッセージを送っていただくか、その方のメッセージにこのコマンドで返信してください。
error-group-only = このコマンドはグループチャットでのみ使用できます。
error-unknown-command = { $command } というコマンドはありません。/help を送信すると、使えるコマンドを確認できます。

## Relay
cmd-glossary = 翻訳せずにそのまま残す用語
cmd-unsend = メッセージに /unsend で返信して、そのコピーを削除
relay-header = { $sender } · { $city }
relay-pivot = （{ $source }から英語を経由して翻訳）
relay-no-model = （未翻訳：{ $source } → { $target }の言語モデルがインストールされていません）
relay-group-unreachable = ⚠️ { $city }にメッセージを配信できなくなりました。ボットがそのグループから削除されたか、権限を失っています。先方のグループ管理者がボットを再度追加し、新しい参加コードで再参加できます。
usage-unsend = 中継されたメッセージ（またはそのコピー）に /unsend で返信すると、パートナーグループにあるコピーを削除します。
unsend-done = 🗑 { $count }つのパートナーグループにあるコピーを削除しています。
error-unsend-unknown = このメッセージは中継されていないため、削除するコピーはありません。
error-unsend-not-yours = コピーを削除できるのは、メッセージの投稿者または管理者のみです。
error-unsend-done = このメッセージのコピーはすでに削除されています。
partnership-original-done = ✅ コピーでの原文の表示方法を { $mode } に設定しました。
usage-partnership-original = 使い方：/partnership original quote|full|none — quote：翻訳の下に折りたたんで表示、full：全文を表示、none：表示しない。

## Glossary
usage-glossary = 使い方：/glossary add <用語> [<言語>=<訳語> ...]、/glossary remove <用語>、または /glossary で一覧を表示。例：/glossary add Elbphilharmonie ja=エルプフィルハーモニー
glossary-added = ✅ 「{ $term }」を用語集に登録しました：{ $translations }。
glossary-removed = ✅ 「{ $term }」を用語集から削除しました。
glossary-empty = 用語集は空です。翻訳しない名称や略語は /glossary add <用語> で追加できます。
glossary-list =
    用語集（{ $count }件）：
    { $terms }
error-glossary-full = 用語集がいっぱいです（{ $max }件）。先に用語を削除してください。
error-glossary-unknown = 「{ $term }」は用語集にありません。
error-coordinator-only = この操作は、コーディネーター（グループ管理者、ボット管理者、またはこの役割を与えられた人）のみ行えます。

## Commitments
cmd-commit = 対応事項を記録：/commit [@担当者] <内容> [<日付>までに]
cmd-commitments = パートナーシップの未完了の対応事項
cmd-done = 対応事項を完了にする：/done <番号>
cmd-blocked = 対応事項を保留にする：/blocked <番号> <理由>
cmd-reopen = 対応事項を再開する：/reopen <番号>
cmd-due = 期限を変更：/due <番号> <日付>
cmd-role = コーディネーターまたはメンバーの役割を設定
usage-commit = 使い方：/commit [@担当者] <対応事項の内容> [<日付>までに]　例：/commit 予算案を送る 金曜日までに。メッセージに /commit [<日付>までに] で返信することもできます。
usage-done = 使い方：/done <番号>　例：/done #7
usage-blocked = 使い方：/blocked <番号> <理由>　例：/blocked #7 会場の確認待ち
usage-reopen = 使い方：/reopen <番号>
usage-due = 使い方：/due <番号> <日付>　例：/due #7 金曜日
usage-commitments = 使い方：/commitments [all | done | overdue | @ユーザー]
usage-role = 使い方：/role @ユーザー coordinator|officer
commitment-created = 📌 #{ $id } { $owner }（{ $city }）の対応事項：{ $text } — 期限：{ $due }
commitment-done = ✅ #{ $id } 完了：{ $text }（担当：{ $owner }、完了登録：{ $actor }）
commitment-blocked = ⛔ #{ $id } 保留：{ $text } — { $reason }（{ $actor }）
commitment-reopened = 🔄 #{ $id } 再開：{ $text }（{ $actor }）
commitment-due = 📅 #{ $id } の期限を変更：{ $due } — { $text }（{ $actor }）
commitment-no-due = 未定
commitments-header = 対応事項（{ $count }件）— { $page }/{ $pages }ページ
commitment-line = #{ $id } · { $owner }（{ $city }）· 期限：{ $due }{ $state }
    { $text }
commitment-state-done = { " " }· 完了
commitment-state-blocked = { " " }· 保留：{ $reason }
commitment-state-overdue = { " " }· ⚠️ 期限超過
commitments-empty = まだ対応事項はありません。/commit <内容> <日付>までに で記録できます。
role-coordinator = ✅ { $person }さんがこのパートナーシップのコーディネーターになりました。
role-officer = ✅ { $person }さんがこのパートナーシップのメンバー（コーディネーター権限なし）になりました。
error-commitment-id = 「{ $id }」は対応事項の番号ではありません。#7 のように表示されている番号を使ってください。
error-commitment-unknown = このパートナーシップに対応事項 #{ $id } はありません。
error-commitment-not-yours = 対応事項を変更できるのは、その担当者またはコーディネーターのみです。
error-commitment-already-done = #{ $id } はすでに完了しています。
error-commitment-already-open = #{ $id } はすでに未完了の状態です。
error-commit-owner = この対応事項の担当者はどなたですか？ /commit @ユーザー <内容> の形で指定してください。
error-commit-too-long = 対応事項の内容が長すぎます。{ $max }文字以内にしてください。
error-date-unreadable = 日付「{ $date }」を読み取れませんでした。2026-12-04、金曜日、明日、2週間後 などの形で入力してください。
error-date-past = 「{ $date }」は過去の日付です。これから先の日付を指定してください。

## Follow-ups
cmd-followup = フォローアップを予約：/followup <#番号 | @ユーザー | all> <日時> [メモ]
cmd-followups = 予約済みのフォローアップと自動通知
cmd-report = パートナーシップの活動状況：メッセージと対応事項
usage-followup = 使い方：/followup <#番号 | @ユーザー | all> <日時> [メモ]　例：/followup #7 金曜日 10:00 議題を送ってください、または /followup all 毎週月曜日 09:00。取り消しは /followup cancel <F番号>、自動通知の確認は /followup settings で行えます。
usage-followup-settings = 使い方：/followup settings <reminder | overdue | digest | dormancy | hours | days> <値>　例：/followup settings reminder 3d、/followup settings digest off、/followup settings hours 09:00-18:00、/followup settings days mon-fri
followup-scheduled =
    ⏰ フォローアップ F{ $id } を予約しました — { $what }、{ $when }。
    { $times }
followup-time-line = • { $city }：{ $time }
followup-outside-hours = { " " }⚠️ 現地の勤務時間外です
followup-once = { $time }（1回のみ）
followup-target-commitment = 対応事項 #{ $id }
followup-target-user = { $person }さん
followup-target-all = 全員
followup-cancelled = 🗑 フォローアップ F{ $id } を取り消しました。
followups-header = 予約済みのフォローアップ（{ $count }件）：
followups-line =
    F{ $id } · { $what } · { $when } · メモ：{ $note }
      次回：{ $next }
followups-next-item = { $city } { $time }
followups-empty = 予約済みのフォローアップはありません。/followup <#番号 | @ユーザー | all> <日時> で予約できます。
followup-settings =
    自動通知（各都市の現地の勤務時間内に送信）：
    • 期限前のリマインド：{ $reminder }
    • 期限超過の通知：{ $overdue }
    • 週次まとめ：{ $digest }
    • 一定期間やり取りがないときの通知：{ $dormancy }
    • 勤務時間：{ $hours }、{ $days }
    コーディネーターは /followup settings <名前> <値> で変更できます。
followup-settings-saved = ✅ 保存しました。
setting-off = オフ
setting-on = オン
setting-hours = { $hours }時間
setting-days = { $days }日間
rule-day = { $interval ->
        [1] 毎日
       *[other] { $interval }日ごと
    } { $time }
rule-week = { $interval ->
        [1] 毎週{ $weekday }
       *[other] { $interval }週間ごとの{ $weekday }
    } { $time }
rule-month = { $interval ->
        [1] 毎月
       *[other] { $interval }か月ごとの
    }{ $day }日 { $time }
error-when-unreadable = 日時「{ $when }」を読み取れませんでした。in 3d、明日 10:00、2026-12-01 09:30、金曜日 15:00、毎週月曜日 09:00 などの形で入力してください。
error-followup-id = 「{ $id }」はフォローアップの番号ではありません。F3 のように表示されている番号を使ってください。
error-followup-unknown = このパートナーシップに予約済みのフォローアップ F{ $id } はありません。
error-followup-commitment-done = #{ $id } はすでに完了しているため、フォローアップは不要です。
error-setting-unknown = 「{ $setting }」という設定はありません。reminder、overdue、digest、dormancy、hours、days のいずれかを指定してください。
error-setting-value = 「{ $value }」は { $setting } には使えません。例：reminder 2d、overdue off、digest monday 09:00、dormancy 21d、hours 08:00-20:00、days mon-fri

## Nudges
nudge-followup-commitment = ⏰ #{ $id } のフォローアップ：{ $owner }（{ $city }）— { $text } — 期限：{ $due }
nudge-followup-person = ⏰ { $person }さんへのフォローアップ
nudge-followup-all = ⏰ 「{ $name }」の皆さんへのフォローアップ
nudge-none-open = 未完了の対応事項はありません。
nudge-more = …ほか{ $count }件（/commitments）
nudge-note = 📝 { $note }
nudge-late = （送信予定：{ $time }。ボットが停止していたため、遅れて送信しました。）
nudge-reminder = ⏳ リマインド：#{ $id } の期限は{ $due }です — { $owner }（{ $city }）：{ $text }
nudge-overdue = ⚠️ #{ $id } は期限（{ $due }）を過ぎています — { $owner }（{ $city }）：{ $text }。完了しましたか？ /done { $id } · 新しい期限は？ /due { $id } <日付>
nudge-digest = 📋 「{ $name }」の週次まとめ：未完了{ $open }件、期限超過{ $overdue }件
nudge-dormancy = 💤 「{ $name }」では{ $days }日間やり取りがありません（最終活動：{ $since }）。短い近況報告が交流を続けるきっかけになります。そちらでは何か新しい動きはありますか？

## Report
report-header = 📊 「{ $name }」— パートナーシップの活動状況、過去{ $days }日間（{ $date }時点）
report-city = • { $city }：メッセージ{ $messages }件 · 対応事項：登録{ $made }件、完了{ $done }件（うち期限内{ $ontime }件）、期限超過{ $overdue }件 · 最終活動：{ $last }
report-never = なし
report-median = 完了までの日数（中央値）：{ $days }日
report-median-none = 完了した対応事項はまだありません。
report-chart-caption = 📊 「{ $name }」の概要
report-chart-messages = メッセージ数（過去{ $days }日間）
report-chart-commitments = 対応事項
report-chart-made = 登録
report-chart-done = 完了
report-chart-ontime = 期限内
report-chart-overdue = 期限超過

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 パートナーシップ「{ $name }」を作成しました。{ $person }さん、参加コードを個別チャットでお送りしました。
partnership-created-joined-code-sent = 🤝 パートナーシップ「{ $name }」を作成し、このグループを最初の都市として登録しました。{ $person }さん、次の都市用の参加コードを個別チャットでお送りしました。
partnership-invite-code-sent = { $person }さん、「{ $name }」の新しい参加コードを個別チャットでお送りしました。
partnership-code-private-needed = { $person }さん、参加コードは個別チャットでのみお送りしていますが、Telegram では、先にボットとのチャットを開始していただかないと、こちらからメッセージを送ることができません。{ $link } を開いて「開始」を押してから、このグループでもう一度コマンドを送信してください。コードは発行されていません。
error-code-anonymous = 参加コードは依頼した方に個別チャットでお送りするため、匿名の管理者にはお送りできません。ご自身の名前でもう一度コマンドを送信してください。
start-join-code = これで参加コードをお送りできるようになりました。所属する都市のグループで /partnership invite（または /partnership new <名前>）をもう一度送信してください。コードはこのチャットに届きます。
error-unsend-other-city = このメッセージをすべてのグループから削除できるのは、投稿者、{ $city }のグループの管理者、またはボット管理者のみです。このグループからだけ削除するには、ここにあるコピーを削除してください。
error-unsend-left = このメッセージは、このグループがすでに離脱したパートナーシップで中継されたものなので、ここからコピーを削除することはできません。

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 次のグループのコピーを削除しました：{ $cities }。
unsend-report-kept = ⚠️ { $cities } のコピーは削除できませんでした（Telegram では、ボットが削除できるのは送信後 48 時間以内のメッセージだけです）。各グループの管理者が手動で削除できます。

# Dates too far ahead (hostile input)
error-date-too-far = 「{ $date }」は先の日付すぎるため指定できません。今後{ $years }年以内の日付を指定してください。

# Telegram のエラー：ある種類のメッセージを許可していないパートナーグループ
relay-kind-refused = ℹ️ { $city }では{ $kind ->
        [photo] 写真
        [video] 動画
        [animation] GIF
        [audio] 音楽
        [voice] ボイスメッセージ
        [document] ファイル
        [sticker] ステッカー
        [video_note] ビデオメッセージ
        [poll] 投票
        [dice] サイコロ
       *[other] この種類のメッセージ
    }が許可されていないため、中継されません。先方のグループ管理者がグループの権限設定で許可できます。

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = メール参加の都市：/email add | remove | mode
usage-email = /email でメール参加の都市を表示；/email add <アドレス> <都市> <言語> [タイムゾーン]；/email remove <アドレス>；/email mode <アドレス> each|digest [分]
usage-email-add = 使い方：/email add <アドレス> <都市> <言語> [タイムゾーン]（例：/email add wang@hz.example Hangzhou zh Asia/Shanghai）。既存のメール参加の都市にアドレスを追加する場合は、都市だけで構いません。
usage-email-remove = 使い方：/email remove <アドレス>
usage-email-mode = 使い方：/email mode <アドレス> each|digest [分]（まとめメールは最大で N 分に1通、既定は10分）
error-email-off = このボットではメールが設定されていません。運用担当者が BRIDGEBOT_EMAIL_ADDRESS、BRIDGEBOT_SMTP_URL、BRIDGEBOT_IMAP_URL を設定できます。
error-email-bad-address = 「{ $address }」はメールアドレスではありません。
error-email-known = { $address } はすでに登録されています。
error-email-city-language = { $city } はまだこのパートナーシップのメール参加の都市ではありません。言語（とタイムゾーン）を指定してください。例：/email add <アドレス> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } はすでに Telegram グループで参加しています。
error-email-unknown = { $address } はこのパートナーシップのアドレスではありません。
error-email-command = { $command } はメールでは使えません。メールでは /done、/blocked、/reopen、/due、/commit、/commitments を使えます。
email-invited = { $address }（{ $city } ✉）に招待を送信しました。招待に返信があるまで、このアドレスにはほかに何も送られません。
email-removed = { $address } を削除しました。今後は何も送られません。
email-mode-set-each = { $address } には今後、メッセージごとに1通のメールが届きます。
email-mode-set-digest = { $address } には今後、最大で { $minutes } 分に1通のまとめメールが届きます。
email-list-empty = このパートナーシップにはメール参加の都市がありません。コーディネーターは /email add <アドレス> <都市> <言語> [タイムゾーン] で招待できます。
email-list-header = このパートナーシップのメール参加の都市：
email-mode-each = メッセージごとに1通
email-mode-digest = { $minutes } 分ごとのまとめ
email-state-invited = 招待済み（返信待ち）
email-state-active = 有効
email-state-bouncing = メールが返送されています
email-state-stopped = 配信停止
email-partner-joined = ✉ { $address } が確認し、{ $city } としてメールで参加しました。
email-partner-stopped = ✉ { $address }（{ $city }）は配信を停止し、今後メールを受け取りません。
email-partner-bouncing = ✉ { $address }（{ $city }）宛てのメールが繰り返し返送されるため、今後は送信しません。アドレスをご確認ください（/email remove の後に /email add）。
email-invitation-subject = パートナーシップ { $partnership } へのご招待
email-invitation =
    ご担当者様

    { $inviter }（{ $inviter_city }）より、{ $city } の担当者として、パートナーシップ { $partnership } にメールでご参加いただくようご招待申し上げます。パートナーシップの都市：{ $cities }。

    パートナーのメッセージを{ $language }に翻訳し、原文を添えて（まとめメールで）お届けします。新しい対応事項と完了した対応事項、現地時間に合わせたリマインダーもお送りします。ご返信は翻訳され、各パートナーのグループに伝えられます。返信の冒頭には /done 12 や /commit <内容> <日付>までに などのコマンドを書くことができます。

    ご参加を確認するには、このメールにそのままご返信ください。それまでは、ほかのメールは送られません。
    配信はいつでも停止できます。「unsubscribe」とご返信ください。
email-answer-subject = Re: { $command }
email-digest-subject = { $partnership }：{ $date } の会話
email-footer = このメールに返信すると、パートナーに翻訳して伝えられます。コマンド：/done <番号>、/blocked <番号> <理由>、/commit <内容> <日付>までに、/commitments。配信を停止するには「unsubscribe」とご返信ください。
