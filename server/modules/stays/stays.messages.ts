import type { Catalogue } from '../../platform/http/i18n';

/** Server messages of guest stays in zh-CN / zh-TW / en. */
export const STAY_MESSAGES: Catalogue = {
  'stays.task.title': ['会见入住宾客：{guest}（{room}，请于 {deadline} 前会见）', '會見入住賓客：{guest}（{room}，請於 {deadline} 前會見）', 'Meet the guest: {guest} ({room}, by {deadline})'],
  'stays.task.body': [
    '宾客于 {checkIn} 入住，按酒店规定须在入住后 {hours} 小时内会见。会见后请在个人客户页登记会见。',
    '賓客於 {checkIn} 入住，按酒店規定須在入住後 {hours} 小時內會見。會見後請在個人客戶頁登記會見。',
    'The guest checked in at {checkIn}; the hotel meets a booking guest within {hours} hours. Record the meeting on the guest’s page.',
  ],
  'stays.task.no_room': ['房号未定', '房號未定', 'room not set'],
  'stays.task.met': ['已登记会见（{at}）', '已登記會見（{at}）', 'Meeting recorded ({at})'],
  'stays.checkout_before_checkin': ['退房时间不能早于入住时间', '退房時間不能早於入住時間', 'Check-out cannot be before check-in'],
  'stays.already_met': ['这次入住已登记会见', '這次入住已登記會見', 'The meeting for this stay is already recorded'],
  'stays.booking_other_guest': ['这个预订号已属于另一位宾客', '這個預訂號已屬於另一位賓客', 'This booking reference belongs to another guest'],
};
