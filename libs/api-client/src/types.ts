import type { components, operations, paths } from './schema.gen.js';

/** Every schema of the spec, e.g. `Schemas['StageResponseDto']`. */
export type Schemas = components['schemas'];
export type Schema<Name extends keyof Schemas> = Schemas[Name];
export type ApiPath = keyof paths;

export type AuthResponse = Schemas['AuthResponseDto'];
export type MeResponse = Schemas['MeResponseDto'];
export type LoginBody = Schemas['LoginDto'];
export type RegisterBody = Schemas['RegisterDto'];
export type User = Schemas['UserResponseDto'];
export type Organization = Schemas['OrganizationResponseDto'];
export type Stage = Schemas['StageResponseDto'];
export type StageList = Schemas['StageListResponseDto'];
export type ApiKey = Schemas['ApiKeyResponseDto'];

export type UserRole = Schemas['UserRole'];
export type UserList = Schemas['UserListResponseDto'];
export type CreateUserBody = Schemas['CreateUserDto'];
export type UpdateUserBody = Schemas['UpdateUserDto'];
export type PasswordResetLink = Schemas['PasswordResetLinkDto'];
export type CreatedApiKey = Schemas['CreatedApiKeyResponseDto'];
export type UpdateOrganizationBody = Schemas['UpdateOrganizationDto'];

export type StageRef = Schemas['StageRefDto'];
export type CreateStageBody = Schemas['CreateStageDto'];
export type UpdateStageBody = Schemas['UpdateStageDto'];

export type QuickReply = Schemas['QuickReplyResponseDto'];
export type QuickReplyList = Schemas['QuickReplyListResponseDto'];
export type CreateQuickReplyBody = Schemas['CreateQuickReplyDto'];
export type UpdateQuickReplyBody = Schemas['UpdateQuickReplyDto'];

export type TicketSourceType = Schemas['TicketSourceType'];
export type TicketStatus = Schemas['TicketStatus'];
export type TicketListItem = Schemas['TicketListItemDto'];
export type TicketList = Schemas['TicketListResponseDto'];
export type TicketSummary = Schemas['TicketSummaryDto'];
/** Query of GET /tickets (filters, paging and sort); the inbounds and the CSV export take the same filters. */
export type TicketListQuery = NonNullable<operations['listTickets']['parameters']['query']>;
export type TicketDetail = Schemas['TicketDetailResponseDto'];
export type TicketEvent = Schemas['TicketEventDto'];
export type TicketEventType = Schemas['TicketEventType'];
export type TicketTracking = Schemas['TicketTrackingDto'];
export type TicketSale = Schemas['TicketSaleDto'];
export type CreateTicketBody = Schemas['CreateTicketDto'];
export type UpdateTicketBody = Schemas['UpdateTicketDto'];
export type CreateSaleBody = Schemas['CreateSaleDto'];
export type TicketNote = Schemas['NoteResponseDto'];
export type TicketNoteList = Schemas['NoteListResponseDto'];
export type CreateNoteBody = Schemas['CreateNoteDto'];

export type InboundItem = Schemas['InboundItemDto'];
export type InboundList = Schemas['InboundListResponseDto'];
export type Message = Schemas['MessageResponseDto'];
export type MessageList = Schemas['MessageListResponseDto'];

export type WhatsappProvider = Schemas['WhatsappProvider'];
export type WhatsappInstance = Schemas['WhatsappInstanceResponseDto'];
export type CreateWhatsappInstanceBody = Schemas['CreateWhatsappInstanceDto'];
export type UpdateWhatsappInstanceBody = Schemas['UpdateWhatsappInstanceDto'];
export type WhatsappTemplate = Schemas['WhatsappTemplateResponseDto'];

export type WebhookEventType = Schemas['WebhookEventType'];
export type WebhookSubscription = Schemas['WebhookSubscriptionResponseDto'];
export type WebhookSubscriptionWithSecret = Schemas['WebhookSubscriptionWithSecretResponseDto'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponseDto'];
export type WebhookDeliveryList = Schemas['WebhookDeliveryListResponseDto'];
export type TrackingLink = Schemas['TrackingLinkResponseDto'];
export type CreateTrackingLinkBody = Schemas['CreateTrackingLinkDto'];
export type WebhookEvent = Schemas['WebhookEventResponseDto'];
export type WebhookEventStatus = WebhookEvent['status'];
export type WebhookRejection = Schemas['WebhookRejectionDto'];
