### Traditional Chinese (Taiwan usage). Read by groups registered as zt, zh-Hant, zh-TW, zh-HK or zh-MO;
### like the other catalogs it must have every key of the English one (tests/test_catalogs.py checks).

## Command menu descriptions
cmd-start = 開始，瞭解 bridgebot 的功能
cmd-help = bridgebot 使用說明
cmd-setup = 將本群登記為一個城市：/setup <城市> <語言> [時區]
cmd-partnership = 檢視夥伴關係，或 new / invite / join / leave
cmd-contacts = 各合作城市的聯絡人
cmd-lang = 更改本群的語言
cmd-focal = 設定本城市的聯絡人：/focal @使用者

## Welcome and help
start-private = 您好！我是 bridgebot。我把合作城市的 Telegram 群組連結起來：每條訊息都會出現在每個夥伴群組中，並在機器人自己的伺服器上（不使用雲端服務）翻譯成該群組的語言。請把我加入您所在城市的群組，即可開始。
start-group = 您好！我是 bridgebot。群管理員可以用 /setup 登記本群，然後把它與合作城市連結起來。
help =
    bridgebot 連結合作城市的群組，並在它們之間進行翻譯。

    入門（群管理員）：
    /setup <城市> <語言> [時區] — 登記本群，例如 /setup Taipei zh-Hant Asia/Taipei
    /partnership new <名稱> — 建立夥伴關係（機器人管理員）；您會收到一個邀請碼
    /partnership invite — 為下一個城市產生新的邀請碼
    /partnership join <邀請碼> — 將本群加入夥伴關係
    /partnership leave — 退出夥伴關係
    /lang <語言> — 更改本群的語言
    /focal @使用者 — 設定本城市的聯絡人

    所有人可用：
    /partnership — 各城市及其語言和當地時間
    /contacts — 各城市的聯絡人
    /commit <內容> <日期>之前 — 記錄一項承諾（回覆某條訊息時取其文字）
    /commitments [all | done | overdue | @使用者] — 夥伴關係的承諾
    /done、/blocked、/reopen、/due <編號> — 更新一項承諾
    /followup <#編號 | @使用者 | all> <時間> [備註] — 安排跟進（協調員），例如 /followup #7 週五 10:00、/followup all 每週一 09:00
    /followups — 已安排的跟進和自動提醒；/followup cancel <F編號>
    /report — 夥伴關係活動情況：訊息與承諾，附圖表
    /glossary — 翻譯時保持不變的名稱和縮寫
    /unsend — 回覆自己的訊息以刪除其副本
    /help — 本說明

## Setup
setup-done = ✅ 本群現在代表 { $city }：語言 { $language }，時區 { $tz }（當地時間 { $time }）。
setup-tz-hint = 提示：請加上時區，這樣提醒會在正確的當地時間發出，例如 /setup { $city } { $lang } Asia/Taipei。
usage-setup = 用法：/setup <城市> <語言> [時區]，例如 /setup Taipei zh-Hant Asia/Taipei

## Partnerships
usage-partnership = 用法：/partnership [new <名稱> | invite | join <邀請碼> | leave | original quote|full|none]
usage-partnership-new = 用法：/partnership new <名稱>，例如 /partnership new 臺北–德勒斯登
usage-partnership-join = 用法：/partnership join <邀請碼> — 使用另一城市管理員收到的邀請碼。
partnership-created = 🤝 已建立夥伴關係「{ $name }」。第一個城市的邀請碼：{ $code }（{ $days } 天內有效，僅可使用一次）。請該城市群組的管理員傳送：/partnership join { $code }
partnership-invite = 「{ $name }」的新邀請碼：{ $code }（{ $days } 天內有效，僅可使用一次）。請新城市群組的管理員傳送：/partnership join { $code }
partnership-joined = 🤝 本群已加入「{ $name }」，目前共連結 { $count } 個城市。
partnership-new-member = 🤝 { $city } 已加入夥伴關係「{ $name }」。
partnership-left = 本群已退出夥伴關係「{ $name }」。此後不會再有訊息同步到這裡。
partnership-show =
    🤝 { $name } — { $count } 個城市
    { $members }
partnership-member-line = • { $city } — { $language }，{ $time }（{ $tz }）— 聯絡人：{ $focal }
contacts-show =
    各城市的聯絡人：
    { $members }
focal-none = 未設定（/focal @使用者）

## Group settings
lang-done = ✅ 本群的語言已改為{ $language }。
usage-lang = 用法：/lang <語言>，例如 /lang zh-Hant 或 /lang 繁體中文
focal-done = ✅ { $person } 現在是 { $city } 的聯絡人。
usage-focal = 用法：/focal @使用者（或用 /focal 回覆此人的一條訊息）

## Errors
error-name-empty = 名稱中至少要有一個文字。
error-name-too-long = 名稱太長了：最多 { $max } 個字元。
error-bad-timezone = 我不認識時區「{ $tz }」。請使用 IANA 名稱，例如 Asia/Taipei、Europe/Berlin 或 America/Mexico_City。
error-bad-language = 我不認識語言「{ $lang }」。請使用 zh、de、en、es 等代碼，或「中文」「德語」等名稱。
error-not-set-up = 本群尚未登記。群管理員可以用 /setup <城市> <語言> [時區] 進行登記。
error-chat-admin-only = 只有本群管理員（或機器人管理員）可以執行此操作。
error-bot-admin-only = 只有機器人管理員可以執行此操作。
error-already-in-partnership = 本群已在一個夥伴關係中。請先用 /partnership leave 退出。
error-no-partnership = 本群尚未加入夥伴關係。請用 /partnership join <邀請碼> 加入。
error-code-unknown = 該邀請碼無效。請檢查，或用 /partnership invite 取得新的邀請碼。
error-code-used = 該邀請碼已被使用。請用 /partnership invite 取得新的邀請碼。
error-code-expired = 該邀請碼已過期。請用 /partnership invite 取得新的邀請碼。
error-unknown-user = 我還不認識 { $user }。此人需要先在我所在的群組裡發一條訊息，或者您用該命令回覆此人的一條訊息。
error-group-only = 此命令只能在群組中使用。
error-unknown-command = 我不認識命令 { $command }。傳送 /help 檢視我能做什麼。

## Relay
cmd-glossary = 翻譯時保持不變的術語
cmd-unsend = 用 /unsend 回覆一條訊息以刪除其副本
relay-header = { $sender } · { $city }
relay-pivot = （經英語從{ $source }轉譯）
relay-no-model = （未翻譯：未安裝{ $source }→{ $target }的語言模型）
relay-group-unreachable = ⚠️ 訊息已無法傳送到 { $city }：機器人已被移出該群組或失去了權限。該群的管理員可以重新加入機器人，並用新的邀請碼重新加入。
usage-unsend = 用 /unsend 回覆一條同步過來的訊息（或其副本），即可刪除它在各夥伴群組中的副本。
unsend-done = 🗑 正在刪除 { $count } 個夥伴群組中的副本。
error-unsend-unknown = 這條訊息沒有被同步，因此沒有可刪除的副本。
error-unsend-not-yours = 只有訊息作者或管理員可以刪除其副本。
error-unsend-done = 這條訊息的副本已經刪除。
partnership-original-done = ✅ 副本中原文的顯示方式已設為：{ $mode }。
usage-partnership-original = 用法：/partnership original quote|full|none — quote：摺疊在譯文下方；full：完整顯示；none：不顯示。

## Glossary
usage-glossary = 用法：/glossary add <術語> [<語言>=<譯名> ...]、/glossary remove <術語>，或 /glossary 檢視列表。例如：/glossary add Elbphilharmonie zt=易北愛樂廳
glossary-added = ✅ 「{ $term }」已加入術語表：{ $translations }。
glossary-removed = ✅ 「{ $term }」已從術語表中刪除。
glossary-empty = 術語表為空。可用 /glossary add <術語> 新增不應翻譯的名稱和縮寫。
glossary-list =
    術語表（{ $count } 個術語）：
    { $terms }
error-glossary-full = 術語表已滿（{ $max } 個術語）。請先刪除一個術語。
error-glossary-unknown = 「{ $term }」不在術語表中。
error-coordinator-only = 只有協調員（群管理員、機器人管理員或被授予該角色的人）可以執行此操作。

## Commitments
cmd-commit = 記錄一項承諾：/commit [@負責人] <內容> [<日期>之前]
cmd-commitments = 夥伴關係中未完成的承諾
cmd-done = 標記承諾已完成：/done <編號>
cmd-blocked = 標記承諾受阻：/blocked <編號> <原因>
cmd-reopen = 重新開啟承諾：/reopen <編號>
cmd-due = 修改截止日期：/due <編號> <日期>
cmd-role = 指定協調員或普通成員
usage-commit = 用法：/commit [@負責人] <承諾內容> [<日期>之前]，例如 /commit 提交預算 下週五之前。也可以用 /commit 回覆一條訊息。
usage-done = 用法：/done <編號>，例如 /done #7
usage-blocked = 用法：/blocked <編號> <原因>，例如 /blocked #7 等待場地確認
usage-reopen = 用法：/reopen <編號>
usage-due = 用法：/due <編號> <日期>，例如 /due #7 下週五
usage-commitments = 用法：/commitments [all | done | overdue | @使用者]
usage-role = 用法：/role @使用者 coordinator|officer
commitment-created = 📌 #{ $id } { $owner }（{ $city }）承諾：{ $text } — 截止：{ $due }
commitment-done = ✅ #{ $id } 已完成：{ $text }（{ $owner }，由 { $actor } 標記）
commitment-blocked = ⛔ #{ $id } 受阻：{ $text } — { $reason }（{ $actor }）
commitment-reopened = 🔄 #{ $id } 已重新開啟：{ $text }（{ $actor }）
commitment-due = 📅 #{ $id } 截止時間改為：{ $due } — { $text }（{ $actor }）
commitment-no-due = 未定
commitments-header = 承諾（{ $count }）— 第 { $page }/{ $pages } 頁
commitment-line = #{ $id } · { $owner }（{ $city }）· 截止：{ $due }{ $state }
    { $text }
commitment-state-done = { " " }· 已完成
commitment-state-blocked = { " " }· 受阻：{ $reason }
commitment-state-overdue = { " " }· ⚠️ 已逾期
commitments-empty = 這裡還沒有承諾。用 /commit <內容> <日期>之前 記錄一項。
role-coordinator = ✅ { $person } 現在是本夥伴關係的協調員。
role-officer = ✅ { $person } 現在是本夥伴關係的普通成員（無協調權限）。
error-commitment-id = 「{ $id }」不是承諾編號。請使用顯示為 #7 的編號。
error-commitment-unknown = 本夥伴關係中沒有承諾 #{ $id }。
error-commitment-not-yours = 只有承諾的負責人或協調員可以修改它。
error-commitment-already-done = #{ $id } 已經完成。
error-commitment-already-open = #{ $id } 仍處於未完成狀態。
error-commit-owner = 這項承諾由誰負責？請使用 /commit @使用者 <內容>。
error-commit-too-long = 承諾內容太長：最多 { $max } 個字元。
error-date-unreadable = 我無法識別日期「{ $date }」。可以試試 2026-12-04、週五、明天或兩週後。
error-date-past = 「{ $date }」已經過去了。請給出一個將來的日期。

## Follow-ups
cmd-followup = 安排跟進：/followup <#編號 | @使用者 | all> <時間> [備註]
cmd-followups = 已安排的跟進和自動提醒
cmd-report = 夥伴關係活動情況：訊息與承諾
usage-followup = 用法：/followup <#編號 | @使用者 | all> <時間> [備註]，例如 /followup #7 週五 10:00 請傳送議程，或 /followup all 每週一 09:00。取消：/followup cancel <F編號>；檢視自動提醒：/followup settings。
usage-followup-settings = 用法：/followup settings <reminder | overdue | digest | dormancy | hours | days> <值>，例如 /followup settings reminder 3d、/followup settings digest off、/followup settings hours 09:00-18:00、/followup settings days mon-fri
followup-scheduled =
    ⏰ 已安排跟進 F{ $id } — { $what }，{ $when }。
    { $times }
followup-time-line = • { $city }：{ $time }
followup-outside-hours = { " " }⚠️ 當地非工作時間
followup-once = 於 { $time }
followup-target-commitment = 承諾 #{ $id }
followup-target-user = { $person }
followup-target-all = 所有人
followup-cancelled = 🗑 跟進 F{ $id } 已取消。
followups-header = 已安排的跟進（{ $count }）：
followups-line =
    F{ $id } · { $what } · { $when } · 備註：{ $note }
      下次：{ $next }
followups-next-item = { $city } { $time }
followups-empty = 尚未安排跟進。使用 /followup <#編號 | @使用者 | all> <時間> 安排。
followup-settings =
    自動提醒（按各城市當地工作時間傳送）：
    • 截止日期前提醒：{ $reminder }
    • 承諾逾期通知：{ $overdue }
    • 每週摘要：{ $digest }
    • 夥伴關係沉寂提醒，沉寂時長：{ $dormancy }
    • 工作時間：{ $hours }，{ $days }
    協調員可用 /followup settings <名稱> <值> 修改。
followup-settings-saved = ✅ 已儲存。
setting-off = 關閉
setting-on = 開啟
setting-hours = { $hours } 小時
setting-days = { $days } 天
rule-day = { $interval ->
        [1] 每天
       *[other] 每 { $interval } 天
    } { $time }
rule-week = { $interval ->
        [1] 每{ $weekday }
       *[other] 每 { $interval } 週的{ $weekday }
    } { $time }
rule-month = { $interval ->
        [1] 每月
       *[other] 每 { $interval } 個月的
    } { $day } 日 { $time }
error-when-unreadable = 無法識別時間「{ $when }」。可以試試：in 3d、明天 10:00、2026-12-01 09:30、週五 15:00 或 每週一 09:00。
error-followup-id = 「{ $id }」不是跟進編號。請使用 F3 這樣的編號。
error-followup-unknown = 本夥伴關係中沒有已安排的跟進 F{ $id }。
error-followup-commitment-done = #{ $id } 已完成，無需跟進。
error-setting-unknown = 沒有「{ $setting }」這項設定。可用：reminder、overdue、digest、dormancy、hours、days。
error-setting-value = 「{ $value }」不適用於 { $setting }。範例：reminder 2d、overdue off、digest monday 09:00、dormancy 21d、hours 08:00-20:00、days mon-fri。

## Nudges
nudge-followup-commitment = ⏰ 跟進 #{ $id }：{ $owner }（{ $city }）— { $text } — 截止：{ $due }
nudge-followup-person = ⏰ 給 { $person } 的跟進
nudge-followup-all = ⏰ 給「{ $name }」全體成員的跟進
nudge-none-open = 沒有未完成的承諾。
nudge-more = …… 另有 { $count } 項（/commitments）
nudge-note = 📝 { $note }
nudge-late = （延遲傳送：原定於 { $time }，當時機器人未在運作。）
nudge-reminder = ⏳ 提醒：#{ $id } 將於 { $due } 到期 — { $owner }（{ $city }）：{ $text }
nudge-overdue = ⚠️ #{ $id } 已於 { $due } 逾期 — { $owner }（{ $city }）：{ $text }。已完成？/done { $id } · 新日期？/due { $id } <日期>
nudge-digest = 📋 「{ $name }」每週摘要：{ $open } 項未完成，{ $overdue } 項逾期
nudge-dormancy = 💤 「{ $name }」已連續 { $days } 天沒有互動（最近活動：{ $since }）。簡短的近況更新有助於保持合作動能：各位有什麼新進展嗎？

## Report
report-header = 📊 「{ $name }」— 夥伴關係活動情況，最近 { $days } 天（截至 { $date }）
report-city = • { $city }：{ $messages } 條訊息 · 承諾：作出 { $made } 項，完成 { $done } 項（按時 { $ontime } 項），逾期 { $overdue } 項 · 最近活動：{ $last }
report-never = 無
report-median = 完成所需時間中位數：{ $days } 天
report-median-none = 尚無已完成的承諾。
report-chart-caption = 📊 「{ $name }」一覽
report-chart-messages = 訊息數（最近 { $days } 天）
report-chart-commitments = 承諾
report-chart-made = 作出
report-chart-done = 完成
report-chart-ontime = 按時
report-chart-overdue = 逾期

# Partnership boundary: join codes are handed over privately; /unsend stays within the message's partnership
partnership-created-code-sent = 🤝 已建立夥伴關係「{ $name }」。{ $person }，我已透過私訊將邀請碼傳送給您。
partnership-created-joined-code-sent = 🤝 已建立夥伴關係「{ $name }」，本群是其第一個城市。{ $person }，我已透過私訊將下一個城市的邀請碼傳送給您。
partnership-invite-code-sent = { $person }，我已透過私訊將「{ $name }」的新邀請碼傳送給您。
partnership-code-private-needed = { $person }，邀請碼只能透過私訊傳送，而 Telegram 只有在您先與我開始私訊後，才允許我傳送訊息給您。請開啟 { $link }，點選「開始」，然後在這裡重新傳送該命令。本次未產生任何邀請碼。
error-code-anonymous = 邀請碼會透過私訊傳送給提出要求的人，因此我無法傳送給匿名管理員。請以您本人的身分重新傳送該命令。
start-join-code = 現在我可以傳送邀請碼給您了。請在您所在城市的群組中重新傳送 /partnership invite（或 /partnership new <名稱>），邀請碼將傳送到這裡。
error-unsend-other-city = 只有訊息作者、{ $city }群組的管理員或機器人管理員可以從所有群組中刪除此訊息。如只想從本群刪除，請直接刪除這裡的副本。
error-unsend-left = 此訊息是在本群已退出的夥伴關係中同步的，因此無法再從這裡刪除其副本。

## Delivery: what /unsend deleted, told once the partner groups are done
unsend-report-deleted = 🗑 以下城市群組中的副本已刪除：{ $cities }。
unsend-report-kept = ⚠️ { $cities } 群組中的副本無法刪除（Telegram 只允許機器人刪除傳送後 48 小時內的訊息）。相關群組的管理員可以手動刪除。

# Dates too far ahead (hostile input)
error-date-too-far = 「{ $date }」過於遙遠。請給出未來 { $years } 年以內的日期。

# Telegram 錯誤：夥伴群組不允許某類訊息
relay-kind-refused = ℹ️ { $city } 不允許傳送{ $kind ->
        [photo] 相片
        [video] 影片
        [animation] GIF 動圖
        [audio] 音樂
        [voice] 語音訊息
        [document] 檔案
        [sticker] 貼圖
        [video_note] 影音訊息
        [poll] 投票
        [dice] 骰子
       *[other] 此類訊息
    }，因此這類內容不會同步到該群。該群的管理員可以在群組權限中開啟。

## E-mail partners (/email; mails to an e-mail city's officers)
cmd-email = 電子郵件城市：/email add | remove | mode
usage-email = /email 列出電子郵件城市；/email add <地址> <城市> <語言> [時區]；/email remove <地址>；/email mode <地址> each|digest [分鐘]
usage-email-add = 用法：/email add <地址> <城市> <語言> [時區]，例如 /email add wang@hz.example Hangzhou zh Asia/Shanghai。為已有的電子郵件城市新增地址時，只需寫城市。
usage-email-remove = 用法：/email remove <地址>
usage-email-mode = 用法：/email mode <地址> each|digest [分鐘]（彙整郵件最多每 N 分鐘一封，預設 10 分鐘）
error-email-off = 本機器人尚未設定電子郵件。維運人員可以設定 BRIDGEBOT_EMAIL_ADDRESS、BRIDGEBOT_SMTP_URL 和 BRIDGEBOT_IMAP_URL。
error-email-bad-address = 「{ $address }」不是電子郵件地址。
error-email-known = { $address } 已經登記過了。
error-email-city-language = { $city } 還不是本夥伴關係的電子郵件城市：請註明其語言（和時區），例如 /email add <地址> { $city } zh Asia/Shanghai
error-email-city-in-chat = { $city } 已經透過其 Telegram 群參與。
error-email-unknown = { $address } 不是本夥伴關係的地址。
error-email-command = { $command } 無法透過電子郵件使用。透過電子郵件，您可以使用 /done、/blocked、/reopen、/due、/commitments 和 /commit。
email-invited = 已向 { $address }（{ $city } ✉）寄出邀請。在有人回覆邀請之前，該地址不會收到其他任何郵件。
email-removed = 已移除 { $address }，該地址不會再收到任何郵件。
email-mode-set-each = { $address } 現在每則訊息收到一封郵件。
email-mode-set-digest = { $address } 現在最多每 { $minutes } 分鐘收到一封彙整郵件。
email-list-empty = 本夥伴關係還沒有電子郵件城市。協調員可以用 /email add <地址> <城市> <語言> [時區] 邀請。
email-list-header = 本夥伴關係的電子郵件城市：
email-mode-each = 每則訊息一封郵件
email-mode-digest = 每 { $minutes } 分鐘彙整一次
email-state-invited = 已邀請，等待回覆
email-state-active = 有效
email-state-bouncing = 郵件被退回
email-state-stopped = 已退訂
email-partner-joined = ✉ { $address } 已確認，現在透過電子郵件代表 { $city } 參與。
email-partner-stopped = ✉ { $address }（{ $city }）已退訂，不再收到郵件。
email-partner-bouncing = ✉ 寄往 { $address }（{ $city }）的郵件一再被退回，因此不再寄送到該地址。請核對該地址（先 /email remove，再 /email add）。
email-invitation-subject = 邀請您加入夥伴關係 { $partnership }
email-invitation =
    尊敬的女士/先生：

    { $inviter }（{ $inviter_city }）邀請您以 { $city } 工作人員的身分，透過電子郵件參與夥伴關係 { $partnership }。本夥伴關係的城市：{ $cities }。

    您將收到合作夥伴的訊息（已譯成{ $language }，下附原文，彙整成郵件寄送）、新增和已完成的承諾，以及按您當地時間寄送的提醒。您的回覆將被翻譯並轉發到每個合作群組；回覆開頭可以寫命令，例如 /done 12 或 /commit <內容> <日期>之前。

    如需確認，請直接回覆本郵件。在此之前，您不會收到其他郵件。
    如需隨時停止，請回覆「退訂」。
email-answer-subject = 回覆：{ $command }
email-digest-subject = { $partnership }：{ $date } 的對話
email-footer = 回覆本郵件即可答覆合作夥伴，您的回覆會為他們翻譯。命令：/done <編號>、/blocked <編號> <原因>、/commit <內容> <日期>之前、/commitments。如需停止接收，請回覆「退訂」。
